using ApprovalWorkflow.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ApprovalWorkflow.Functions;

/// <summary>
/// The orchestrator and activities of <see cref="WorkflowTasks"/>, each a one-line wrapper: the
/// [DurableTask] source generator is not on the package mirror, so each gets an explicit trigger.
/// </summary>
public sealed class DurableTriggers(RunDecisions decisions)
{
    [Function(nameof(ApprovalRunOrchestrator))]
    public static Task<string> RunApprovalRunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ApprovalRunOrchestrator().RunAsync(context, context.GetInput<RunLoopState>()!);

    [Function(nameof(DecideAndRecordActivity))]
    public Task<DecideAndRecordResult> DecideAndRecord([ActivityTrigger] DecideAndRecordInput input) =>
        decisions.DecideAndRecordAsync(input);
}
