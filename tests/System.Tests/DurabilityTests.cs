using System.Net;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(DurabilityCollection))]
public sealed class DurabilityCollection : ICollectionFixture<SystemFixture>;

/// <summary>A run survives its host being killed hard while it waits, and moves on when the next command comes.</summary>
[Collection(nameof(DurabilityCollection))]
public sealed class DurabilityTests(SystemFixture system)
{
    [Fact]
    public async Task A_run_survives_the_host_being_killed_and_takes_the_next_command()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");

        await system.CrashAndRestartAsync();

        var after = system.Client(Keys.DemocraticServices);
        var (status, run) = await after.Get($"api/runs/{runId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("InProgress", run!["status"]!.GetValue<string>());

        var (scheduled, view, _) = await after.Post($"api/runs/{runId}/meetings",
            new { meetingId = "csp-2017-05-16", stageId = "csp", date = "2017-05-16" });
        Assert.True(scheduled == HttpStatusCode.OK, view?.ToJsonString());
        Assert.Equal("2017-05-16", view!["meetings"]![0]!["date"]!.GetValue<string>());
        Assert.Equal(2, view["lastSequence"]!.GetValue<long>());
    }
}
