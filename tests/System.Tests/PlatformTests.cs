using System.Net;
using System.Diagnostics;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(PlatformCollection))]
public sealed class PlatformCollection : ICollectionFixture<SystemFixture>;

/// <summary>The slice through every layer: HTTP, orchestration, activity, Table storage, and back.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class PlatformTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task Health_reports_storage_and_engine_healthy()
    {
        var (status, body) = await system.Client().Get("api/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body!["storage"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["engine"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Democratic_Services_starts_a_run_and_a_member_reads_it_from_the_record()
    {
        var ds = system.Client(Keys.DemocraticServices);
        var (status, started, response) = await ds.Post("api/runs",
            new { title = "Community Safety Partnership Plan 2017-21", template = "partnership-plan" });
        Assert.Equal(HttpStatusCode.Created, status);
        string runId = started!["runId"]!.GetValue<string>();
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location!.ToString());

        var (readStatus, run) = await system.Client(Keys.Member).Get($"api/runs/{runId}");
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("Community Safety Partnership Plan 2017-21", run!["title"]!.GetValue<string>());
        Assert.Equal("InProgress", run["status"]!.GetValue<string>());
        Assert.Equal("csp", run["currentStage"]!["id"]!.GetValue<string>());
        Assert.Equal(["csp", "csp-executive", "executive-consultation", "cabinet", "full-council"],
            run["stages"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal("DemocraticServices", run["nextStep"]!["fromRole"]!.GetValue<string>());

        var (_, timeline) = await system.Client(Keys.Member).Get($"api/runs/{runId}/timeline");
        var first = timeline!["events"]!.AsArray().Single()!;
        Assert.Equal(1, first["sequence"]!.GetValue<long>());
        Assert.Equal("run-started", first["type"]!.GetValue<string>());
        Assert.Equal("Democratic Services (local)", first["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_start_with_the_same_idempotency_key_makes_one_run()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string key = Guid.NewGuid().ToString();
        var body = new { title = "Budget 2027/28", template = "budget", financialYearStarting = 2027 };
        var first = await ds.Post("api/runs", body, key);
        var second = await ds.Post("api/runs", body, key);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        string runId = first.Body!["runId"]!.GetValue<string>();
        Assert.Equal(runId, second.Body!["runId"]!.GetValue<string>());
        var (_, timeline) = await ds.Get($"api/runs/{runId}/timeline");
        Assert.Single(timeline!["events"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"template\":\"partnership-plan\"}", 400, "title")]
    [InlineData("{\"title\":\"  \",\"template\":\"partnership-plan\"}", 400, "title")]
    [InlineData("{\"title\":\"A plan\",\"template\":\"no-such-template\"}", 422, "no-such-template")]
    [InlineData("{\"title\":\"A plan\",", 400, "JSON")]
    [InlineData("[1,2,3]", 400, "JSON")]
    [InlineData("{\"title\":\"A plan\",\"template\":\"budget\"}", 422, "financial year")]
    public async Task Bad_start_requests_get_problem_details_never_500(string json, int expectedStatus, string mentions)
    {
        var (status, problem, response) = await system.Client(Keys.DemocraticServices).Post("api/runs", json);
        Assert.Equal(expectedStatus, (int)status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expectedStatus, problem!["status"]!.GetValue<int>());
        Assert.Contains(mentions, problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        output.WriteLine(problem.ToJsonString());
    }

    [Theory]
    [InlineData("api/runs/run-0000000000000000")]
    [InlineData("api/runs/run-0000000000000000/timeline")]
    [InlineData("api/runs/run-0000000000000000/requests/not-a-request")]
    [InlineData("api/runs/a%23b")]
    [InlineData("api/runs/a%5Cb/requests/a%23b")]
    public async Task An_unknown_run_is_404_problem_details(string path)
    {
        var (status, problem) = await system.Client(Keys.Member).Get(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no approval run", problem!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Callers_without_the_right_role_are_refused()
    {
        var body = new { title = "A plan", template = "partnership-plan" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client().Post("api/runs", body)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client("not-a-key").Post("api/runs", body)).Status);
        var (status, problem, _) = await system.Client(Keys.Clerk).Post("api/runs", body);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Democratic Services", problem!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client().Get("api/runs")).Status);
    }

    [Fact]
    public async Task Round_trip_of_start_then_read()
    {
        var ds = system.Client(Keys.DemocraticServices);
        var times = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            string runId = await ds.StartRun($"Round trip {i}");
            var (status, _) = await ds.Get($"api/runs/{runId}");
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        times.Sort();
        output.WriteLine($"POST /api/runs then GET /api/runs/{{id}}: median {times[10]:F0} ms, max {times[^1]:F0} ms over 20");
    }
}
