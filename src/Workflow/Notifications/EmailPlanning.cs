using ApprovalWorkflow.Bodies;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// The emails of one recorded request, planned from the run's record (the events the request recorded and
/// the state before them) and the registered bodies. Planning from the record, not from the decision in
/// hand, gives a retried activity the same emails with the same ids. A planning failure is logged and
/// plans nothing: an email never blocks a run.
/// </summary>
public sealed class EmailPlanning(
    RunRecord record, BodyRegister bodies, NotificationSettings settings, WorkflowSettings workflow, ILogger<EmailPlanning> log)
{
    /// <summary>The emails of events about to be recorded from <paramref name="firstSequence"/>, on top of <paramref name="before"/>.</summary>
    public IReadOnlyList<EmailToSend> Plan(
        string runId, RunState before, IReadOnlyList<RunEvent> newEvents, long firstSequence, DateTimeOffset recordedAt, IReadOnlyDictionary<string, Body> registered)
    {
        if (newEvents.Count == 0)
        {
            return [];
        }

        try
        {
            var recorded = newEvents.Select((e, i) => new RecordedRunEvent(firstSequence + i, e, recordedAt)).ToList();
            return EmailPlanner.Plan(new EmailPlanContext(runId, registered, settings, workflow.Calendar, workflow.TimeZone), before, recorded);
        }
        catch (Exception e)
        {
            log.LogError(e, "Run {RunId}: the emails of the events from {Sequence} could not be planned", runId, firstSequence);
            return [];
        }
    }

    public async Task<IReadOnlyList<EmailToSend>> ForRequestAsync(string runId, RequestOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (!outcome.Accepted || outcome.EventCount == 0)
        {
            return [];
        }

        try
        {
            var rows = await record.LoadAsync(runId, cancellationToken);
            long first = outcome.FirstSequence, last = outcome.FirstSequence + outcome.EventCount - 1;
            var before = RunEvents.Fold(rows.Where(r => r.Sequence < first));
            var recorded = rows
                .Where(r => r.Sequence >= first && r.Sequence <= last)
                .Select(r => new RecordedRunEvent(r.Sequence, RunEvents.Deserialize(r), r.RecordedAt))
                .ToList();
            var context = new EmailPlanContext(runId, await bodies.AllAsync(cancellationToken), settings, workflow.Calendar, workflow.TimeZone);
            return EmailPlanner.Plan(context, before, recorded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Run {RunId}: the emails of request {RequestId} could not be planned", runId, outcome.RequestId);
            return [];
        }
    }
}
