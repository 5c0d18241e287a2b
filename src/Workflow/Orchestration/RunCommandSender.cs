using System.Text.Json;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Orchestration;

/// <summary>What became of a command sent to a run.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>The run answered (accepted or refused); the answer is on the record.</summary>
    public sealed record Answered(RequestOutcome Outcome) : SendOutcome;

    /// <summary>The run has not answered within the wait; poll the request.</summary>
    public sealed record Pending(string RequestId) : SendOutcome;

    /// <summary>There is no such run.</summary>
    public sealed record UnknownRun : SendOutcome;

    /// <summary>The run has ended; nothing is sent to it.</summary>
    public sealed record Ended(RunState State) : SendOutcome;
}

/// <summary>
/// Hands a caller's command to its run's orchestration and waits briefly for the run's record to show
/// the answer to that request. A request already answered is answered again from the record, so a
/// retry (same Idempotency-Key) is recorded once.
/// </summary>
public sealed class RunCommandSender(DurableTaskClient client, RunRecord record, WorkflowSettings settings, RecordedSignals signals)
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static RunCommandSender For(Microsoft.AspNetCore.Http.HttpContext http) => new(
        Http.EngineClient.For(http),
        http.RequestServices.GetRequiredService<RunRecord>(),
        http.RequestServices.GetRequiredService<WorkflowSettings>(),
        http.RequestServices.GetRequiredService<RecordedSignals>());

    public async Task<SendOutcome> StartAsync(string runId, string requestId, string actor, StartRun command, CancellationToken cancellationToken)
    {
        if (await record.FindRequestAsync(runId, requestId, cancellationToken) is { } answered)
        {
            return new SendOutcome.Answered(answered);
        }

        var envelope = Envelope(requestId, actor, command);
        if (await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(ApprovalRunOrchestrator), new RunLoopState(runId, [envelope], null),
                    new StartOrchestrationOptions(runId), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The same start may have raced in from a retry: if the instance exists, wait for its answer.
                if (await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken) is null)
                {
                    throw;
                }
            }
        }

        return await WaitAsync(runId, requestId, cancellationToken);
    }

    public async Task<SendOutcome> SendAsync(string runId, string requestId, string actor, RunCommand command, CancellationToken cancellationToken)
    {
        if (await record.FindRequestAsync(runId, requestId, cancellationToken) is { } answered)
        {
            return new SendOutcome.Answered(answered);
        }

        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return new SendOutcome.UnknownRun();
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed)
        {
            var state = RunEvents.Fold(await record.LoadAsync(runId, cancellationToken));
            return state.IsStarted ? new SendOutcome.Ended(state) : new SendOutcome.UnknownRun();
        }

        await client.RaiseEventAsync(runId, ApprovalRunOrchestrator.CommandEventName, Envelope(requestId, actor, command), cancellationToken);
        return await WaitAsync(runId, requestId, cancellationToken);
    }

    /// <summary>Polls the record for the request's answer until the configured wait is over.</summary>
    public async Task<SendOutcome> WaitAsync(string runId, string requestId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + settings.CommandWait;
        while (true)
        {
            Task recorded = signals.Expect(runId, requestId);
            if (await record.FindRequestAsync(runId, requestId, cancellationToken) is { } answered)
            {
                signals.Forget(runId, requestId);
                return new SendOutcome.Answered(answered);
            }

            if (DateTime.UtcNow >= deadline)
            {
                // A command raised just as the run ended is never answered: say so rather than "pending" for ever.
                var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken);
                if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed)
                {
                    var state = RunEvents.Fold(await record.LoadAsync(runId, cancellationToken));
                    if (state.IsEnded)
                    {
                        return new SendOutcome.Ended(state);
                    }
                }

                signals.Forget(runId, requestId);
                return new SendOutcome.Pending(requestId);
            }

            // The LocalHost's activity runs in this process and gives word at once; elsewhere, look again soon.
            await Task.WhenAny(recorded, Task.Delay(PollInterval, cancellationToken));
        }
    }

    static CommandEnvelope Envelope(string requestId, string actor, RunCommand command) =>
        new(requestId, actor, JsonSerializer.Serialize(command, ProcedureJson.Options));
}
