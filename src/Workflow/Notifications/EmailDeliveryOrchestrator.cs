using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// One email's delivery, as an orchestration of its own whose instance id is the email's id, so an email
/// is delivered once however often its run's loop replays or its command is retried. A reminder waits on a
/// durable timer until its moment; one whose moment had already passed when it was planned (a run replayed
/// with 2012 dates) is recorded skipped, not sent. Each attempt is one call of <see cref="SendEmailActivity"/>;
/// after a 429, a 5xx or a timeout the next comes after a durable wait that doubles
/// (<see cref="NotificationSettings.FirstRetryInterval"/>, 2 s by default), up to <see cref="NotificationSettings.SendAttempts"/>,
/// as the email's <see cref="EmailToSend.Policy"/> carries them.
/// </summary>
public sealed class EmailDeliveryOrchestrator : TaskOrchestrator<EmailToSend, string>
{
    // Only for the activity itself failing (storage unreachable); SendGrid's answers come back as results.
    static readonly TaskOptions ActivityRetry = new(new TaskRetryOptions(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, EmailToSend email)
    {
        var log = context.CreateReplaySafeLogger<EmailDeliveryOrchestrator>();
        string? skip = null;
        if (email.SendAtUtc is DateTime sendAt)
        {
            var at = DateTime.SpecifyKind(sendAt, DateTimeKind.Utc);
            if (at <= context.CurrentUtcDateTime)
            {
                skip = $"Its moment ({at:yyyy-MM-dd HH:mm} UTC) had passed when it was planned.";
            }
            else
            {
                await context.CreateTimer(at, CancellationToken.None);
            }
        }

        var policy = email.Policy ?? DeliveryPolicy.Default;
        var wait = TimeSpan.FromSeconds(policy.FirstRetrySeconds);
        for (int attempt = 1; ; attempt++)
        {
            SendEmailResult result;
            try
            {
                result = await context.CallActivityAsync<SendEmailResult>(
                    nameof(SendEmailActivity), new SendEmailAttempt(email, attempt, policy.Attempts, skip), ActivityRetry);
            }
            catch (TaskFailedException failure)
            {
                log.LogError("Email {EmailId}: attempt {Attempt} could not run: {Error}", email.Id, attempt, failure.Message);
                return "unrecorded";
            }

            if (result.Outcome != DeliveryOutcomes.Retry)
            {
                return result.Outcome;
            }

            await context.CreateTimer(wait, CancellationToken.None);
            wait *= 2;
        }
    }
}
