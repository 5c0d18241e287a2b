using ApprovalWorkflow.Orchestration;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;

namespace ApprovalWorkflow.LocalHost.Engine;

/// <summary>
/// The Durable Task engine on one machine: the gRPC sidecar over the same Azure Storage backend
/// Durable Functions uses in Azure (so runs survive restarts), and a worker and client talking to it.
/// </summary>
public static class LocalDurableEngine
{
    public static async Task<WebApplicationBuilder> AddLocalDurableEngineAsync(
        this WebApplicationBuilder builder, string storageConnectionString, int apiPort, int grpcPort)
    {
        string taskHub = builder.Configuration["TaskHubName"] is { Length: > 0 } hub ? hub : "ApprovalWorkflow";
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            TaskHubName = taskHub,
            // Bounds how late a message from another process is seen; the default (30 s) would make
            // a clerk's command after a quiet spell wait that long.
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(
                builder.Configuration.GetValue("LocalHost:MaxQueuePollingMilliseconds", 500)),
            PartitionCount = 1,
            // A stable worker id: a host restarted after a crash takes back its own partition lease
            // at once instead of waiting ~30 s for the dead worker's lease to expire.
            WorkerId = $"localhost-{taskHub}",
            // A host killed mid-work leaves its dequeued messages invisible until this passes; the default
            // (5 minutes) would hold a crashed run that long. Work in progress renews its messages, and the
            // run's activities take well under a second, so 15 s is safe and a restart resumes quickly.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("LocalHost:VisibilityTimeoutSeconds", 15)),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("LocalHost:VisibilityTimeoutSeconds", 15)),
            MaxConcurrentTaskActivityWorkItems = 32,
            MaxConcurrentTaskOrchestrationWorkItems = 32,
        };
        var service = new AzureStorageOrchestrationService(settings);
        // The sidecar never creates the task hub itself.
        await service.CreateIfNotExistsAsync();

        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, apiPort, o => o.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
        });

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(WorkflowTasks.Register);
            worker.UseGrpc(channel);
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(channel));

        // The worker's work-item stream to the sidecar stays open until the host gives up waiting for it
        // (30 s by default). Work not finished by then is taken up again after a restart, so Ctrl-C need
        // not wait that long.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue("LocalHost:ShutdownSeconds", 3)));
        return builder;
    }

    public static WebApplication MapLocalDurableEngine(this WebApplication app)
    {
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }
}
