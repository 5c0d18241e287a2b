using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Notifications;

/// <summary>The notification services both hosts register, through <see cref="ApprovalWorkflowServices"/>.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(NotificationSettings.From(configuration));
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<EmailPlanning>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<EmailScheduler>();
        return services;
    }
}
