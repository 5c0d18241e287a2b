using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// Starts one <see cref="EmailDeliveryOrchestrator"/> per email, with the email's id as its instance id, from
/// an activity through the engine's client. Started this way a delivery has no parent: the run's loop never
/// waits for it, and a run can end while a reminder still waits for its day. (An un-awaited sub-orchestration
/// keeps its parent from completing until it does; see NotificationTests.) An email whose orchestration
/// already exists is left alone, so a retried command or activity starts nothing twice.
/// </summary>
public sealed class EmailScheduler(ILogger<EmailScheduler> log)
{
    public async Task<int> ScheduleAsync(DurableTaskClient client, IReadOnlyList<EmailToSend> emails, CancellationToken cancellationToken = default)
    {
        var started = await Task.WhenAll(emails.Select(email => StartAsync(client, email, cancellationToken)));
        return started.Count(s => s);
    }

    async Task<bool> StartAsync(DurableTaskClient client, EmailToSend email, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(email.Id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(EmailDeliveryOrchestrator), email, new StartOrchestrationOptions(email.Id), cancellationToken);
            log.LogInformation("Email {EmailId} ({Kind}) to {Count} recipient(s) scheduled{When}", email.Id, email.Kind, email.To.Count,
                email.SendAtUtc is { } at ? $" for {at:yyyy-MM-dd HH:mm} UTC" : "");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The same email may have been started by a concurrent retry: that is the outcome wanted.
            if (await client.GetInstanceAsync(email.Id, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            return false;
        }
    }
}
