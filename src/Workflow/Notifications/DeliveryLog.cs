using System.Text.Json;
using ApprovalWorkflow.Record;
using ApprovalWorkflow.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWorkflow.Notifications;

/// <summary>What became of one email: sent (with SendGrid's message id), failed (with SendGrid's answer), or skipped (and why).</summary>
public sealed record EmailDelivery(
    string EmailId,
    string Kind,
    string Outcome,
    IReadOnlyList<string> To,
    string Subject,
    int Attempts,
    int? HttpStatus,
    string? MessageId,
    string? Error,
    DateTime? SendAtUtc,
    long CausedBySequence,
    DateTimeOffset RecordedAt);

/// <summary>
/// The deliveries of a run's emails, kept on the run's record: rows in the <c>RunEvents</c> table, in the run's
/// partition, with RowKey = the email's id (<c>email-{runId}-{sequence}-{slot}</c>). They are written here, not
/// through the decider, because an email may go out after its run has ended. Each row is inserted once and
/// never updated: a second attempt to record the same email finds the first answer and returns it.
/// </summary>
public sealed class DeliveryLog
{
    const string Prefix = "email-";

    readonly TableClient table;
    readonly Lazy<Task> created;

    public DeliveryLog(StorageClients storage)
    {
        table = storage.Tables.GetTableClient(RunRecord.EventsTableName);
        created = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    /// <summary>Records the delivery unless the email is already on the record; returns what is on the record.</summary>
    public async Task<EmailDelivery> RecordAsync(string runId, EmailDelivery delivery, CancellationToken cancellationToken = default)
    {
        await created.Value;
        try
        {
            await table.AddEntityAsync(new TableEntity(runId, delivery.EmailId)
            {
                ["Type"] = "email-" + delivery.Outcome,
                ["Delivery"] = JsonSerializer.Serialize(delivery, Json),
                ["Outcome"] = delivery.Outcome,
                ["Kind"] = delivery.Kind,
                ["RecordedAt"] = delivery.RecordedAt,
            }, cancellationToken);
            return delivery;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(runId, delivery.EmailId, cancellationToken)
                ?? throw new InvalidOperationException($"Email {delivery.EmailId} is on the record but cannot be read back.", e);
        }
    }

    public async Task<EmailDelivery?> FindAsync(string runId, string emailId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(runId, emailId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    /// <summary>Every recorded delivery of the run, in the order recorded.</summary>
    public async Task<IReadOnlyList<EmailDelivery>> ListAsync(string runId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        // "email-" up to, not including, "email." ('.' follows '-'): exactly the delivery rows.
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {Prefix} and RowKey lt {"email."}");
        var list = new List<EmailDelivery>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(Read(row));
        }

        return list.OrderBy(d => d.RecordedAt).ThenBy(d => d.EmailId, StringComparer.Ordinal).ToList();
    }

    static EmailDelivery Read(TableEntity row) =>
        JsonSerializer.Deserialize<EmailDelivery>(row.GetString("Delivery"), Json)
        ?? throw new InvalidDataException($"Delivery row {row.RowKey} is empty.");

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
