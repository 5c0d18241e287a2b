using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ApprovalWorkflow.Storage;

namespace ApprovalWorkflow.Record;

/// <summary>
/// The append-only record of every run, in Azure Table storage (table <c>RunEvents</c>):
/// PartitionKey = run id; event rows have RowKey = the zero-padded sequence; each request's answer
/// is a row <c>request-{id}</c> in the same partition. A request's answer and its events are
/// inserted in one entity-group transaction, so either all of them are on the record or none is,
/// and a retried request (same id) can never add its events twice. Rows are never updated or deleted.
/// </summary>
public sealed class RunRecord
{
    public const string EventsTableName = "RunEvents";
    const string RequestPrefix = "request-";
    // A table string property holds at most 64 KiB (32K UTF-16 chars); longer payloads are split.
    const int ChunkChars = 30_000;
    const int MaxChunks = 30;

    readonly TableClient events;
    readonly Lazy<Task> created;

    public RunRecord(StorageClients storage)
    {
        events = storage.Tables.GetTableClient(EventsTableName);
        created = new Lazy<Task>(() => events.CreateIfNotExistsAsync());
    }

    /// <summary>Every event of the run in order; empty for a run that has never been recorded.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var list = new List<RecordedEvent>();
        // Event rows' keys are digits, which sort before "request-".
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey lt {"a"}");
        await foreach (var row in events.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new RecordedEvent(
                runId,
                long.Parse(row.RowKey),
                row.GetString("Type"),
                JoinPayload(row),
                row.GetString("Actor") ?? "",
                row.GetString("RequestId") ?? "",
                row.GetDateTimeOffset("RecordedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue));
        }

        return list;
    }

    /// <summary>The recorded answer to a request, or null if the run has not answered it yet.</summary>
    public async Task<RequestOutcome?> FindRequestAsync(string runId, string requestId, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var row = await events.GetEntityIfExistsAsync<TableEntity>(runId, RequestPrefix + requestId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? JsonSerializer.Deserialize<RequestOutcome>(entity.GetString("Outcome"))
            : null;
    }

    /// <summary>
    /// Records a request's answer and its events (numbered from <paramref name="nextSequence"/>) in one
    /// transaction. If the request is already on the record, nothing is written and the first answer is returned.
    /// </summary>
    public async Task<RequestOutcome> AppendAsync(
        string runId, long nextSequence, string actor, RequestOutcome outcome,
        IReadOnlyList<(string Type, string Payload)> newEvents, CancellationToken cancellationToken = default)
    {
        await created.Value;
        if (newEvents.Count > 99)
        {
            throw new InvalidOperationException($"One request may record at most 99 events; this one has {newEvents.Count}.");
        }

        var now = outcome.RecordedAt;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(runId, RequestPrefix + outcome.RequestId)
            {
                ["Outcome"] = JsonSerializer.Serialize(outcome),
                ["Accepted"] = outcome.Accepted,
                ["FirstSequence"] = outcome.FirstSequence,
                ["EventCount"] = outcome.EventCount,
                ["Actor"] = actor,
                ["RecordedAt"] = now,
            }),
        };
        for (int i = 0; i < newEvents.Count; i++)
        {
            long sequence = nextSequence + i;
            var row = new TableEntity(runId, SequenceKey(sequence))
            {
                ["Type"] = newEvents[i].Type,
                ["Actor"] = actor,
                ["RequestId"] = outcome.RequestId,
                ["RecordedAt"] = now,
                ["Sequence"] = sequence,
            };
            SplitPayload(row, newEvents[i].Payload);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        try
        {
            await events.SubmitTransactionAsync(actions, cancellationToken);
            return outcome;
        }
        catch (TableTransactionFailedException failed) when (failed.Status == 409)
        {
            // Either this request is already recorded (a retry: answer as the first time), or another
            // writer took these sequence numbers, which the single-writer orchestration never allows.
            return await FindRequestAsync(runId, outcome.RequestId, cancellationToken)
                ?? throw new RecordConflictException(runId, nextSequence, failed);
        }
    }

    public static string SequenceKey(long sequence) => sequence.ToString("D10");

    static void SplitPayload(TableEntity row, string payload)
    {
        int chunks = Math.Max(1, (payload.Length + ChunkChars - 1) / ChunkChars);
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"An event's payload of {payload.Length} characters is over the record's limit of {MaxChunks * ChunkChars}.");
        }

        row["Payload"] = payload.Length <= ChunkChars ? payload : payload[..ChunkChars];
        for (int i = 1; i < chunks; i++)
        {
            int start = i * ChunkChars;
            row[$"Payload{i}"] = payload.Substring(start, Math.Min(ChunkChars, payload.Length - start));
        }
    }

    static string JoinPayload(TableEntity row)
    {
        string first = row.GetString("Payload") ?? "";
        if (!row.ContainsKey("Payload1"))
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first);
        for (int i = 1; row.GetString($"Payload{i}") is { } more; i++)
        {
            text.Append(more);
        }

        return text.ToString();
    }
}

/// <summary>Two writers tried to record the same sequence number of one run.</summary>
public sealed class RecordConflictException(string runId, long sequence, Exception inner)
    : Exception($"Run {runId}: sequence {sequence} is already on the record and was written by another request.", inner);
