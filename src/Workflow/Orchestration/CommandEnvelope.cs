namespace ApprovalWorkflow.Orchestration;

/// <summary>
/// A command on its way to a run: the request id it came with (the <c>Idempotency-Key</c>, or a timer's
/// deterministic id), who sent it, and the command itself as JSON. The engine only ever sees the JSON
/// text, so the procedure's types can change without touching orchestration history.
/// </summary>
public sealed record CommandEnvelope(string RequestId, string Actor, string CommandJson);

/// <summary>A command the run gives itself at a moment: the end of a reconsideration period, a reminder.</summary>
public sealed record DueTimer(DateTime DueUtc, CommandEnvelope Command);

/// <summary>What the orchestration carries across <c>ContinueAsNew</c>.</summary>
public sealed record RunLoopState(string RunId, IReadOnlyList<CommandEnvelope> Pending, DueTimer? NextTimer);

public sealed record DecideAndRecordInput(string RunId, CommandEnvelope Command, DateTime NowUtc);

/// <summary>
/// The activity's answer: whether the run has ended, its next timer, a one-line status, and how many email
/// deliveries the recorded events started. The emails themselves never pass through the run's history.
/// </summary>
public sealed record DecideAndRecordResult(bool Accepted, bool RunEnded, DueTimer? NextTimer, string Status, int EmailsStarted = 0);
