using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApprovalWorkflow.Bench;

/// <summary>
/// The engine with nothing of the workflow on it: the same stack as the LocalHost (gRPC sidecar
/// <c>TaskHubGrpcServer</c> over <c>AzureStorageOrchestrationService</c>, same settings, same Azurite) hosted
/// in the bench with a task hub of its own and a trivial orchestrator that waits for one event and completes.
/// It cannot share the LocalHost's sidecar: the sidecar takes a single worker connection
/// ("Another client is already connected").
/// </summary>
public sealed class BareEngine : IAsyncDisposable
{
    public const string EventName = "ping";

    readonly WebApplication app;
    readonly DurableTaskClient client;

    BareEngine(WebApplication app)
    {
        this.app = app;
        client = app.Services.GetRequiredService<DurableTaskClient>();
    }

    public static async Task<BareEngine> StartAsync(string storageConnectionString)
    {
        int grpcPort = LocalHostLauncher.FreePort();
        string taskHub = "benchbare" + Guid.NewGuid().ToString("N")[..8];
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));

        // As src/LocalHost/Engine/LocalDurableEngine.cs configures it.
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            TaskHubName = taskHub,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            PartitionCount = 1,
            WorkerId = $"bench-{taskHub}",
            MaxConcurrentTaskActivityWorkItems = 32,
            MaxConcurrentTaskOrchestrationWorkItems = 32,
        });
        await service.CreateIfNotExistsAsync();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2));

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks => tasks.AddOrchestrator<PingOrchestrator>());
            worker.UseGrpc(channel);
        });
        // A channel of the client's own: the worker's may have failed its first connection (it starts before
        // Kestrel listens) and would fail the client's first calls at once while it backs off.
        builder.Services.AddDurableTaskClient(c => c.UseGrpc(GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}")));

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        return new BareEngine(app);
    }

    /// <summary>Starts an instance and waits (outside the measure) until it is running and waiting for its event.</summary>
    public async Task<string> StartWaitingInstanceAsync()
    {
        string id = "ping-" + Guid.NewGuid().ToString("N");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(PingOrchestrator), new StartOrchestrationOptions(id));
        var clock = Stopwatch.StartNew();
        while ((await client.GetInstanceAsync(id))?.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{id} did not start within 60 s.");
            }

            await Task.Delay(10);
        }

        return id;
    }

    /// <summary>RaiseEvent → the instance is Completed, polled with GetInstanceAsync every ~5 ms.</summary>
    public async Task<TimeSpan> RaiseAndWaitCompletedAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        await client.RaiseEventAsync(id, EventName, "pong");
        while (true)
        {
            var instance = await client.GetInstanceAsync(id);
            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
            {
                return clock.Elapsed;
            }

            if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                throw new InvalidOperationException($"{id} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{id} did not complete within 60 s of its event.");
            }

            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The worker stops before the sidecar (hosted services stop in reverse order), then the server.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.DisposeAsync();
    }
}

/// <summary>Waits for one event and completes with it: the least an orchestration can do with a command.</summary>
public sealed class PingOrchestrator : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.WaitForExternalEvent<string>(BareEngine.EventName);
}
