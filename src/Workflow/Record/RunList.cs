using ApprovalWorkflow.Storage;
using Azure.Data.Tables;

namespace ApprovalWorkflow.Record;

/// <summary>One line of the list of runs: kept current by the run's writer after each recorded command.</summary>
public sealed record RunSummary(string RunId, string Title, string Template, string Status, string? Stage, long LastSequence, DateTimeOffset UpdatedAt);

/// <summary>
/// The <c>Runs</c> table: the current summary of every run, for listing and filtering by status.
/// A projection of the record, rewritten by the run's single writer; the record stays the truth.
/// </summary>
public sealed class RunList
{
    public const string TableName = "Runs";
    const string Partition = "run";

    readonly TableClient table;
    readonly Lazy<Task> created;

    public RunList(StorageClients storage)
    {
        table = storage.Tables.GetTableClient(TableName);
        created = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task SaveAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        await created.Value;
        await table.UpsertEntityAsync(new TableEntity(Partition, summary.RunId)
        {
            ["Title"] = summary.Title,
            ["Template"] = summary.Template,
            ["Status"] = summary.Status,
            ["Stage"] = summary.Stage,
            ["LastSequence"] = summary.LastSequence,
            ["UpdatedAt"] = summary.UpdatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(string? status, int max, CancellationToken cancellationToken = default)
    {
        await created.Value;
        string filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {status}");
        var list = new List<RunSummary>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new RunSummary(row.RowKey, row.GetString("Title") ?? "", row.GetString("Template") ?? "",
                row.GetString("Status") ?? "", row.GetString("Stage"), row.GetInt64("LastSequence") ?? 0,
                row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list.OrderByDescending(r => r.UpdatedAt).ToList();
    }
}
