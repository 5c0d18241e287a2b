using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Orchestration;

/// <summary>
/// One instance per approval run (instance id = run id), the run's single writer: it takes one
/// command at a time, from a clerk or from one of its own timers, and hands it to
/// <see cref="DecideAndRecordActivity"/>, which decides and records. The rules live in the activity,
/// not here, so a rule fixed and redeployed mid-run never changes a replay of this loop. The activity also
/// starts the emails' delivery orchestrations, so the run never waits on a delivery and no email's text ever
/// enters this loop's history. (Un-awaited sub-orchestrations were measured to stall the run on this sidecar.)
/// </summary>
public sealed class ApprovalRunOrchestrator : TaskOrchestrator<RunLoopState, string>
{
    public const string CommandEventName = "command";

    // History grows by a few events a command; start a fresh generation after this many, at a quiet moment.
    const int CommandsPerGeneration = 100;

    static readonly TaskOptions ActivityRetry = new(new TaskRetryOptions(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1))));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, RunLoopState input)
    {
        var log = context.CreateReplaySafeLogger<ApprovalRunOrchestrator>();
        var pending = new Queue<CommandEnvelope>(input.Pending);
        DueTimer? timer = input.NextTimer;

        // One wait for a command is outstanding at every moment, even while the activity runs:
        // a command that arrives while the run is busy is taken into the queue, never left buffered
        // (ContinueAsNew drops buffered events on this backend: 88 of 100 lost when measured).
        Task<CommandEnvelope> nextCommand = context.WaitForExternalEvent<CommandEnvelope>(CommandEventName);
        int processed = 0;

        while (true)
        {
            if (pending.Count == 0)
            {
                using var cancelTimer = new CancellationTokenSource();
                Task? due = timer is null ? null : context.CreateTimer(timer.DueUtc, cancelTimer.Token);
                Task first = due is null ? await Task.WhenAny(nextCommand) : await Task.WhenAny(nextCommand, due);
                if (first == nextCommand)
                {
                    cancelTimer.Cancel();
                    pending.Enqueue(nextCommand.Result);
                    nextCommand = context.WaitForExternalEvent<CommandEnvelope>(CommandEventName);
                }
                else
                {
                    pending.Enqueue(timer!.Command);
                    timer = null;
                }
            }

            CommandEnvelope command = pending.Dequeue();
            Task<DecideAndRecordResult> deciding = context.CallActivityAsync<DecideAndRecordResult>(
                nameof(DecideAndRecordActivity), new DecideAndRecordInput(input.RunId, command, context.CurrentUtcDateTime), ActivityRetry);
            while (await Task.WhenAny(deciding, nextCommand) == nextCommand)
            {
                pending.Enqueue(nextCommand.Result);
                nextCommand = context.WaitForExternalEvent<CommandEnvelope>(CommandEventName);
            }

            DecideAndRecordResult result;
            try
            {
                result = await deciding;
            }
            catch (TaskFailedException failure)
            {
                // Storage stayed unreachable through every retry. The command is not on the record, so
                // its sender sees no answer and may retry; the run itself must stay alive.
                log.LogError("Run {RunId}: command {RequestId} could not be recorded: {Error}", input.RunId, command.RequestId, failure.Message);
                continue;
            }

            // Never re-arm the timer whose command was just decided: it is answered on the record, and
            // re-arming it would fire it again at once, for ever.
            timer = result.NextTimer?.Command.RequestId == command.RequestId ? null : result.NextTimer;
            context.SetCustomStatus(result.Status);
            processed++;
            if (result.RunEnded && pending.Count == 0)
            {
                return result.Status;
            }

            if (processed >= CommandsPerGeneration && pending.Count == 0)
            {
                // A quiet moment is one where no command is waiting: race the wait against a timer due now.
                using var cancelNow = new CancellationTokenSource();
                Task now = context.CreateTimer(context.CurrentUtcDateTime, cancelNow.Token);
                if (await Task.WhenAny(nextCommand, now) == now)
                {
                    context.ContinueAsNew(new RunLoopState(input.RunId, [], timer), preserveUnprocessedEvents: false);
                    return result.Status;
                }

                pending.Enqueue(nextCommand.Result);
                nextCommand = context.WaitForExternalEvent<CommandEnvelope>(CommandEventName);
            }
        }
    }
}
