using ApprovalWorkflow.Notifications;
using ApprovalWorkflow.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ApprovalWorkflow.Functions;

/// <summary>
/// The orchestrator and activities of <see cref="WorkflowTasks"/>, each a one-line wrapper: the
/// [DurableTask] source generator is not on the package mirror, so each gets an explicit trigger.
/// </summary>
public sealed class DurableTriggers(RunDecisions decisions, EmailSender emailSender)
{
    [Function(nameof(ApprovalRunOrchestrator))]
    public static Task<string> RunApprovalRunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ApprovalRunOrchestrator().RunAsync(context, context.GetInput<RunLoopState>()!);

    [Function(nameof(DecideAndRecordActivity))]
    public Task<DecideAndRecordResult> DecideAndRecord([ActivityTrigger] DecideAndRecordInput input, [DurableClient] DurableTaskClient client) =>
        decisions.DecideAndRecordAsync(input, client);

    [Function(nameof(EmailDeliveryOrchestrator))]
    public static Task<string> RunEmailDeliveryOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EmailDeliveryOrchestrator().RunAsync(context, context.GetInput<EmailToSend>()!);

    [Function(nameof(SendEmailActivity))]
    public Task<SendEmailResult> SendEmail([ActivityTrigger] SendEmailAttempt attempt) =>
        emailSender.AttemptAsync(attempt);
}
