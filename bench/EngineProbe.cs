using System.Diagnostics;
using System.Text.Json;
using ApprovalWorkflow.Orchestration;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using ApprovalWorkflow.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ApprovalWorkflow.Bench;

/// <summary>
/// The LocalHost's own engine, reached as its HTTP layer reaches it but without the HTTP layer: a command
/// raised straight to a run's orchestration through the sidecar's gRPC client, its answer polled on the
/// run's record every ~5 ms. Raise → orchestration → DecideAndRecord activity → the request's row.
/// </summary>
public sealed class EngineProbe : IAsyncDisposable
{
    readonly ServiceProvider services;
    readonly DurableTaskClient client;
    readonly RunRecord record;

    public EngineProbe(int grpcPort, string storageConnectionString)
    {
        var collection = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddDurableTaskClient(b => b.UseGrpc(GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}")));
        services = collection.BuildServiceProvider();
        client = services.GetRequiredService<DurableTaskClient>();
        record = new RunRecord(new StorageClients(
            new TableServiceClient(storageConnectionString), new BlobServiceClient(storageConnectionString)));
    }

    /// <summary>Schedules a meeting by raising the "command" event; returns the time until the record shows the answer.</summary>
    public async Task<TimeSpan> ScheduleMeetingAsync(string runId, string meetingId, string stageId, LocalDate date)
    {
        string requestId = "bench-" + Guid.NewGuid().ToString("N");
        string json = JsonSerializer.Serialize<RunCommand>(new ScheduleMeeting(meetingId, stageId, date), ProcedureJson.Options);
        var envelope = new CommandEnvelope(requestId, "Democratic Services (bench)", json);

        var clock = Stopwatch.StartNew();
        await client.RaiseEventAsync(runId, ApprovalRunOrchestrator.CommandEventName, envelope);
        var deadline = TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await record.FindRequestAsync(runId, requestId) is { } outcome)
            {
                var elapsed = clock.Elapsed;
                Journeys.Expect(outcome.Accepted, $"run {runId}: the raised ScheduleMeeting was refused: {outcome.Reason}");
                return elapsed;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"run {runId}: no answer to {requestId} on the record within {deadline.TotalSeconds} s.");
            }

            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
