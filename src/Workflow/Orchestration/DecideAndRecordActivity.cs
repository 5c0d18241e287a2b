using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ApprovalWorkflow.Orchestration;

/// <summary>The LocalHost's activity class; the Functions app's activity trigger calls the same service.</summary>
public sealed class DecideAndRecordActivity(RunDecisions decisions, DurableTaskClient engine) : TaskActivity<DecideAndRecordInput, DecideAndRecordResult>
{
    public override Task<DecideAndRecordResult> RunAsync(TaskActivityContext context, DecideAndRecordInput input) =>
        decisions.DecideAndRecordAsync(input, engine);
}
