using ApprovalWorkflow.Notifications;
using Microsoft.DurableTask;

namespace ApprovalWorkflow.Orchestration;

/// <summary>Every orchestrator and activity of the workflow, registered by name: the one list both hosts use.</summary>
public static class WorkflowTasks
{
    public static readonly IReadOnlyList<Type> Orchestrators = [typeof(ApprovalRunOrchestrator), typeof(EmailDeliveryOrchestrator)];
    public static readonly IReadOnlyList<Type> Activities = [typeof(DecideAndRecordActivity), typeof(SendEmailActivity)];

    public static void Register(DurableTaskRegistry registry)
    {
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }
    }
}
