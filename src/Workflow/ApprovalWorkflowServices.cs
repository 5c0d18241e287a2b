using ApprovalWorkflow.Bodies;
using ApprovalWorkflow.Documents;
using ApprovalWorkflow.Http;
using ApprovalWorkflow.Notifications;
using ApprovalWorkflow.Orchestration;
using ApprovalWorkflow.Record;
using ApprovalWorkflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow;

/// <summary>Everything the workflow needs, registered once; both hosts call this.</summary>
public static class ApprovalWorkflowServices
{
    public static IServiceCollection AddApprovalWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        // Read and check the settings now, so a missing or malformed one stops the app at start.
        var settings = WorkflowSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(StorageClients.FromConfiguration(configuration));
        services.AddSingleton(new Callers(configuration));
        services.AddSingleton<RunRecord>();
        services.AddSingleton<RunList>();
        services.AddSingleton<RecordedSignals>();
        services.AddSingleton<BodyRegister>();
        services.AddSingleton<RunDecisions>();
        services.AddNotifications(configuration);
        services.AddSingleton<CalendarFeedLinks>();
        services.AddSingleton(DocumentSettings.From(configuration));
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<DecisionNotices>();
        services.AddProblemDetails();
        return services;
    }
}
