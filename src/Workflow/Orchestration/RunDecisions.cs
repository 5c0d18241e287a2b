using System.Text.Json;
using ApprovalWorkflow.Bodies;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Http;
using ApprovalWorkflow.Notifications;
using ApprovalWorkflow.Record;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Orchestration;

/// <summary>
/// The work of one command, shared by both hosts' activity: load the run's record, fold it into the
/// run's state, decide the command with the pure rules, and append the answer and the new events in
/// one transaction. Retrying it is safe: a request already on the record is answered as the first time.
/// </summary>
public sealed class RunDecisions(
    RunRecord record, RunList runs, BodyRegister bodies, WorkflowSettings settings, EmailPlanning emails, ILogger<RunDecisions> log,
    Documents.DecisionNotices notices, RecordedSignals signals, EmailScheduler scheduler)
{
    /// <summary>
    /// Decides and records one command, then starts one delivery orchestration per email its events call for
    /// (through <paramref name="engine"/>, ids derived from the events, so a retry starts none twice). A crash
    /// between the append and the starts is mended by the retried activity, which plans them again from the record.
    /// </summary>
    public async Task<DecideAndRecordResult> DecideAndRecordAsync(DecideAndRecordInput input, DurableTaskClient engine, CancellationToken cancellationToken = default)
    {
        var history = await record.LoadAsync(input.RunId, cancellationToken);
        var state = RunEvents.Fold(history);
        var outcome = await record.FindRequestAsync(input.RunId, input.Command.RequestId, cancellationToken);
        IReadOnlyList<EmailToSend>? toSend = null;
        if (outcome is null)
        {
            var today = settings.Today(input.NowUtc);
            var registered = await bodies.AllAsync(cancellationToken);
            var decision = Decide(state, input.Command, today, registered);
            decision = await notices.AddToAsync(input.RunId, state, decision, today, cancellationToken); // an adoption's notice, stored before it is recorded
            long next = history.Count == 0 ? 1 : history[^1].Sequence + 1;
            var recordedAt = DateTimeOffset.UtcNow;
            (outcome, var newEvents) = decision switch
            {
                Decision.Accepted accepted => (
                    new RequestOutcome(input.Command.RequestId, true, null, null, null, next, accepted.Events.Count, accepted.Warnings, recordedAt),
                    accepted.Events),
                Decision.Refused refused => (
                    new RequestOutcome(input.Command.RequestId, false, refused.Refusal.Kind.ToString(), refused.Refusal.Reason,
                        refused.Refusal.Expected, next, 0, [], recordedAt),
                    (IReadOnlyList<RunEvent>)[]),
                _ => throw new InvalidOperationException($"Unknown decision {decision.GetType().Name}"),
            };

            // The emails these events call for, planned before the append so nothing slow follows it.
            var planned = emails.Plan(input.RunId, state, newEvents, next, recordedAt, registered);
            var written = await record.AppendAsync(input.RunId, next, input.Command.Actor, outcome,
                newEvents.Select(RunEvents.Serialize).ToList(), cancellationToken);
            signals.Recorded(input.RunId, input.Command.RequestId);
            toSend = ReferenceEquals(written, outcome) ? planned : null;
            if (ReferenceEquals(written, outcome) && newEvents.Count > 0)
            {
                foreach (var e in newEvents)
                {
                    state = ApprovalRun.Apply(state, e);
                }

                await runs.SaveAsync(RunView.Summarise(input.RunId, state, next + newEvents.Count - 1, recordedAt), cancellationToken);
                log.LogInformation("Run {RunId}: {Request} recorded {Count} event(s)", input.RunId, input.Command.RequestId, newEvents.Count);
            }
            else if (!ReferenceEquals(written, outcome))
            {
                // A retry of an activity whose first attempt did record: reload for the true state.
                outcome = written;
                state = RunEvents.Fold(await record.LoadAsync(input.RunId, cancellationToken));
            }
        }

        // A request answered before (a retried activity or command) plans its emails again from the record:
        // the same emails with the same ids, so none is started twice.
        toSend ??= await emails.ForRequestAsync(input.RunId, outcome, cancellationToken);
        int started = toSend.Count == 0 ? 0 : await scheduler.ScheduleAsync(engine, toSend, cancellationToken);
        return new DecideAndRecordResult(outcome.Accepted, state.IsEnded, NextTimer(state), RunView.StatusLine(state), started);
    }

    Decision Decide(RunState state, CommandEnvelope envelope, NodaTime.LocalDate today, IReadOnlyDictionary<string, Body> bodies)
    {
        RunCommand? command;
        try
        {
            command = JsonSerializer.Deserialize<RunCommand>(envelope.CommandJson, ProcedureJson.Options);
        }
        catch (JsonException e)
        {
            return new Decision.Refused(new Refusal(RefusalKind.BreaksRule, $"The command could not be read: {e.Message}", "Send the command again in the documented form."));
        }

        return command is null
            ? new Decision.Refused(new Refusal(RefusalKind.BreaksRule, "The command was empty.", "Send the command again."))
            : ApprovalRun.Decide(state, command, new DecisionContext(today, settings.Calendar, bodies));
    }

    /// <summary>The next moment the run must act on by itself: the end of a reconsideration period.</summary>
    DueTimer? NextTimer(RunState state)
    {
        if (state.IsEnded || state.Referral is not { PeriodEnded: false } referral)
        {
            return null;
        }

        string requestId = $"timer-period-end-{referral.PeriodLastDay:yyyy-MM-dd}";
        string json = JsonSerializer.Serialize<RunCommand>(new EndReconsiderationPeriod(), ProcedureJson.Options);
        return new DueTimer(settings.StartOfDayUtc(referral.CouncilMayDecideFrom), new CommandEnvelope(requestId, "the run's timer", json));
    }
}
