using System.Text.Json;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Storage;
using Azure.Data.Tables;

namespace ApprovalWorkflow.Bodies;

/// <summary>
/// The council's bodies (Full Council, Cabinet, Overview and Scrutiny, the partnership boards) and their
/// members, as Democratic Services registers them, in Azure Table storage (table <c>Bodies</c>).
/// A body's row is replaced when its membership changes; votes already recorded keep the names they had.
/// </summary>
public sealed class BodyRegister
{
    public const string TableName = "Bodies";
    const string Partition = "body";

    readonly TableClient table;
    readonly Lazy<Task> created;

    public BodyRegister(StorageClients storage)
    {
        table = storage.Tables.GetTableClient(TableName);
        created = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task SaveAsync(Body body, CancellationToken cancellationToken = default)
    {
        await created.Value;
        await table.UpsertEntityAsync(new TableEntity(Partition, body.Id)
        {
            ["Body"] = JsonSerializer.Serialize(body, ProcedureJson.Options),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<Body?> FindAsync(string bodyId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, bodyId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    public async Task<IReadOnlyDictionary<string, Body>> AllAsync(CancellationToken cancellationToken = default)
    {
        await created.Value;
        var bodies = new Dictionary<string, Body>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var body = Read(row);
            bodies[body.Id] = body;
        }

        return bodies;
    }

    static Body Read(TableEntity row) =>
        JsonSerializer.Deserialize<Body>(row.GetString("Body"), ProcedureJson.Options)
        ?? throw new InvalidDataException($"Body {row.RowKey} is stored empty.");
}
