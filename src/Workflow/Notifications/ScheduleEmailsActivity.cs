using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// The LocalHost's scheduling activity, with the engine's client from its services; the Functions app's
/// activity trigger binds a [DurableClient] and calls the same <see cref="EmailScheduler"/>.
/// </summary>
public sealed class ScheduleEmailsActivity(DurableTaskClient client, EmailScheduler scheduler) : TaskActivity<IReadOnlyList<EmailToSend>, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<EmailToSend> input) => scheduler.ScheduleAsync(client, input);
}
