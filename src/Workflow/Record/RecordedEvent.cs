namespace ApprovalWorkflow.Record;

/// <summary>One row of a run's append-only record: what happened, who did it, from which request, when.</summary>
public sealed record RecordedEvent(
    string RunId,
    long Sequence,
    string Type,
    string Payload,
    string Actor,
    string RequestId,
    DateTimeOffset RecordedAt);

/// <summary>
/// What the run answered to one request, kept on the record with the request's id so a retried
/// request gets the first answer and is never recorded twice.
/// </summary>
public sealed record RequestOutcome(
    string RequestId,
    bool Accepted,
    string? RefusalKind,
    string? Reason,
    string? Expected,
    long FirstSequence,
    int EventCount,
    IReadOnlyList<string> Warnings,
    DateTimeOffset RecordedAt);
