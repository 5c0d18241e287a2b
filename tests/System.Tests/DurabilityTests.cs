using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(DurabilityCollection))]
public sealed class DurabilityCollection : ICollectionFixture<SystemFixture>;

/// <summary>A run survives its host being killed hard while it waits, and moves on when the next command comes.</summary>
[Collection(nameof(DurabilityCollection))]
public sealed class DurabilityTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_run_survives_the_host_being_killed_and_takes_the_next_command()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");

        // Killed at once: the engine may still be checkpointing the start when the process dies.
        await system.CrashAndRestartAsync();
        var watch = Stopwatch.StartNew();

        var after = system.Client(Keys.DemocraticServices);
        var (status, run) = await after.Get($"api/runs/{runId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("InProgress", run!["status"]!.GetValue<string>());

        var view = await AnswerOf(after, after.Post($"api/runs/{runId}/meetings",
            new { meetingId = "csp-2017-05-16", stageId = "csp", date = "2017-05-16" }));
        output.WriteLine($"the next command was answered {watch.Elapsed.TotalSeconds:F1} s after the restart");
        Assert.Equal("2017-05-16", view["meetings"]![0]!["date"]!.GetValue<string>());
        Assert.Equal(2, view["lastSequence"]!.GetValue<long>());
    }

    /// <summary>
    /// The command's answer, following a 202's Location as a client would: work the dead host had taken
    /// comes back to the new one when its messages' visibility timeout (15 s locally) has passed.
    /// </summary>
    static async Task<JsonNode> AnswerOf(HttpClient http, Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> sent)
    {
        var (status, body, response) = await sent;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (status == HttpStatusCode.Accepted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            (status, body) = await http.Get(response.Headers.Location!.ToString().TrimStart('/'));
        }

        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return body!;
    }
}
