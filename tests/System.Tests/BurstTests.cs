using System.Text.Json;
using ApprovalWorkflow.Orchestration;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using ApprovalWorkflow.Storage;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(BurstCollection))]
public sealed class BurstCollection : ICollectionFixture<SystemFixture>;

/// <summary>
/// Guards every upgrade of the SDK or the sidecar: on this backend ContinueAsNew drops events that arrive
/// while the orchestration is busy (measured: 88 of 100 lost). The run's loop must lose none, double none,
/// and keep their order, across a generation boundary.
/// </summary>
[Collection(nameof(BurstCollection))]
public sealed class BurstTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_burst_of_100_commands_to_a_busy_run_loses_none_doubles_none_and_keeps_their_order()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddDurableTaskClient(b => b.UseGrpc(GrpcChannel.ForAddress($"http://127.0.0.1:{system.GrpcPort}")))
            .BuildServiceProvider();
        var client = services.GetRequiredService<DurableTaskClient>();
        var record = new RunRecord(StorageClients.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = system.StorageConnectionString }).Build()));

        // Raised back to back, without waiting for answers: the run is busy with the first while the rest arrive.
        var sent = new List<string>();
        var firstDay = new LocalDate(2017, 5, 16);
        for (int i = 0; i < 100; i++)
        {
            string meetingId = $"csp-meeting-{i:D3}";
            var command = new ScheduleMeeting(meetingId, "csp", firstDay.PlusDays(i));
            await client.RaiseEventAsync(runId, ApprovalRunOrchestrator.CommandEventName,
                new CommandEnvelope($"burst-{i:D3}", "burst test", JsonSerializer.Serialize<RunCommand>(command, ProcedureJson.Options)));
            sent.Add(meetingId);
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        IReadOnlyList<RecordedEvent> rows;
        do
        {
            await Task.Delay(250);
            rows = await record.LoadAsync(runId);
        }
        while (rows.Count(r => r.Type == "meeting-scheduled") < 100 && DateTime.UtcNow < deadline);

        var scheduled = rows.Where(r => r.Type == "meeting-scheduled").Select(r => ((MeetingScheduled)RunEvents.Deserialize(r)).MeetingId).ToList();
        output.WriteLine($"{scheduled.Count} of 100 recorded; record holds {rows.Count} events");
        Assert.Equal(sent, scheduled);
        for (int i = 0; i < 100; i++)
        {
            Assert.NotNull(await record.FindRequestAsync(runId, $"burst-{i:D3}"));
        }

        // The run still takes commands after the burst (and after any new generation it started).
        var next = await system.Client(Keys.Clerk).Post($"api/runs/{runId}/meetings/csp-meeting-000/stage-approval", new { approved = true }).Ok();
        Assert.Equal("csp-executive", next["currentStage"]!["id"]!.GetValue<string>());
    }
}
