using Microsoft.DurableTask;

namespace ApprovalWorkflow.Notifications;

/// <summary>The LocalHost's send activity; the Functions app's activity trigger calls the same <see cref="EmailSender"/>.</summary>
public sealed class SendEmailActivity(EmailSender sender) : TaskActivity<SendEmailAttempt, SendEmailResult>
{
    public override Task<SendEmailResult> RunAsync(TaskActivityContext context, SendEmailAttempt input) => sender.AttemptAsync(input);
}
