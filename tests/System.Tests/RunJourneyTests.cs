using System.Net;
using System.Text.Json.Nodes;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(JourneyCollection))]
public sealed class JourneyCollection : ICollectionFixture<SystemFixture>;

/// <summary>Whole runs over HTTP on the real engine, with the seeds' real dates, amendment and votes.</summary>
[Collection(nameof(JourneyCollection))]
public sealed class RunJourneyTests(SystemFixture system, ITestOutputHelper output) : IAsyncLifetime
{
    readonly HttpClient ds = system.Client(Keys.DemocraticServices);
    readonly HttpClient clerk = system.Client(Keys.Clerk);
    readonly HttpClient executive = system.Client(Keys.Executive);

    public Task InitializeAsync() => Council.RegisterTowerHamlets(ds);
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Seed 000 up to Council's referral back on 18 June 2012 and the Executive's answer on 4 July 2012.</summary>
    async Task<string> Seed000ReferredBackAndNotAccepted()
    {
        string runId = await ds.StartRun("Community Safety Plan 2012-13", extra: new
        {
            stages = new object[]
            {
                new { id = "cabinet", name = "Cabinet", kind = "Cabinet", bodyId = "cabinet" },
                new { id = "full-council", name = "Full Council", kind = "FullCouncil", bodyId = "full-council" },
            },
            executive = "DirectlyElectedMayor",
        });
        // Cabinet recommended the draft (report CAB 102/112); its date is not in the seed, so 6 June 2012 stands in.
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-2012-06-06", stageId = "cabinet", date = "2012-06-06" }).Ok();
        await ds.UploadDraftPlan(runId);
        await clerk.Post($"api/runs/{runId}/meetings/cabinet-2012-06-06/cabinet-decision",
            new { decision = "Recommend", vote = Council.Counts(9, 9, 0) }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2012-06-18", stageId = "full-council", date = "2012-06-18" }).Ok();
        var referred = await clerk.Post($"api/runs/{runId}/meetings/council-2012-06-18/council-decision", new
        {
            outcome = "refer-back",
            vote = Council.Counts(45, 27, 18),
            amendments = new[] { new { number = 1, mover = "Councillor Abdal Ullah", seconder = "Councillor Judith Gardiner", text = Seeds.Seed000Amendment() } },
            instructionsReceivedOn = "2012-06-18",
        }).Ok();

        var referral = referred["referral"]!;
        Assert.Equal(["2012-06-19", "2012-06-20", "2012-06-21", "2012-06-22", "2012-06-25"],
            referral["periodWorkingDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("2012-06-25", referral["periodLastDay"]!.GetValue<string>());
        Assert.Equal("2012-06-26", referral["councilMayDecideFrom"]!.GetValue<string>());
        Assert.Contains("Delete the second bullet point on page 31", referred["amendments"]![0]!["text"]!.GetValue<string>());

        // A Council meeting inside the period is refused, naming the period's end and the first day Council may decide.
        var (inside, problem, _) = await ds.Post($"api/runs/{runId}/meetings",
            new { meetingId = "council-2012-06-22", stageId = "full-council", date = "2012-06-22" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inside);
        Assert.Contains("25 June 2012", problem!["detail"]!.GetValue<string>());
        Assert.Contains("26 June 2012", problem["detail"]!.GetValue<string>());

        // Cabinet, 4 July 2012: officers advised not to accept the amendment, with reasons.
        await executive.Post($"api/runs/{runId}/executive-response", new
        {
            respondedOn = "2012-07-04",
            responses = new[] { new { amendmentNumber = 1, response = new { type = "not-accepted", reasons = Seeds.Seed000Reasons() } } },
        }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2012-07-11", stageId = "full-council", date = "2012-07-11" }).Ok();
        return runId;
    }

    [Fact]
    public async Task Seed_000_insist_vote_short_of_two_thirds_fails_and_the_plan_is_adopted_without_the_amendment()
    {
        string runId = await Seed000ReferredBackAndNotAccepted();

        // 30 for, 16 against: 90 < 92, short of two thirds of the 46 present and voting.
        var insisted = await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/insist-votes",
            new { amendmentNumber = 1, vote = Council.Counts(48, 30, 16, 2) }).Ok();
        Assert.False(insisted["amendments"]![0]!["insist"]!["insisted"]!.GetValue<bool>());

        var adopted = await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/final-decision",
            new { vote = Council.Counts(48, 28, 18, 2) }).Ok();
        Assert.Equal("Adopted", adopted["status"]!.GetValue<string>());
        Assert.Empty(adopted["amendmentsApplied"]!.AsArray());
        Assert.Equal("2012-07-11", adopted["endedOn"]!.GetValue<string>());
        output.WriteLine(adopted["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seed_000_insist_vote_at_two_thirds_passes_and_the_plan_is_adopted_with_the_amendment()
    {
        string runId = await Seed000ReferredBackAndNotAccepted();

        // 31 for, 15 against: 93 >= 92, two thirds of the 46 present and voting.
        await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/insist-votes",
            new { amendmentNumber = 1, vote = Council.Counts(48, 31, 15, 2) }).Ok();
        var adopted = await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/final-decision",
            new { vote = Council.Counts(48, 30, 18) }).Ok();

        Assert.Equal("Adopted", adopted["status"]!.GetValue<string>());
        var applied = adopted["amendmentsApplied"]!.AsArray().Single()!;
        Assert.Equal(1, applied["number"]!.GetValue<int>());
        Assert.Equal("InsistedOnByCouncil", applied["because"]!.GetValue<string>());
        Assert.StartsWith("This Council notes:", applied["text"]!.GetValue<string>());

        // Once ended, the run never changes.
        var (after, problem, _) = await executive.Post($"api/runs/{runId}/withdrawal", new { reason = "too late" });
        Assert.Equal(HttpStatusCode.Conflict, after);
        output.WriteLine(problem!.ToJsonString());
    }

    [Fact]
    public async Task Seed_001_CSP_and_CSP_Executive_approve_Cabinet_recommends_and_Council_adopts()
    {
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-2017-05-16", stageId = "csp", date = "2017-05-16" }).Ok();
        await clerk.Post($"api/runs/{runId}/meetings/csp-2017-05-16/stage-approval", new { approved = true, vote = Council.Counts(15, 15, 0) }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-exec-2017-07-18", stageId = "csp-executive", date = "2017-07-18" }).Ok();
        var approved = await clerk.Post($"api/runs/{runId}/meetings/csp-exec-2017-07-18/stage-approval", new { approved = true }).Ok();
        Assert.Equal("executive-consultation", approved["currentStage"]!["id"]!.GetValue<string>());
        Assert.Equal("2017-07-18", approved["stages"]![1]!["completedOn"]!.GetValue<string>());

        await clerk.Post($"api/runs/{runId}/consultation", new
        {
            consultedOn = "2017-09-05",
            recommendations = new[] { "Report progress on the four priorities to Overview and Scrutiny each year." },
            response = "Agreed: the CSP will report annually.",
        }).Ok();
        // The seed does not give Cabinet's and Council's dates; these stand in for them.
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-2017-10-31", stageId = "cabinet", date = "2017-10-31" }).Ok();
        await ds.UploadDraftPlan(runId);
        await clerk.Post($"api/runs/{runId}/meetings/cabinet-2017-10-31/cabinet-decision", new { decision = "Recommend" }).Ok();
        var scheduled = await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2017-11-22", stageId = "full-council", date = "2017-11-22" }).Ok();
        var council = scheduled["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "council-2017-11-22")!;
        Assert.Equal("2017-11-14", council["publishPapersBy"]!.GetValue<string>());

        var adopted = await clerk.Post($"api/runs/{runId}/meetings/council-2017-11-22/council-decision",
            new { outcome = "adopt", vote = Council.Counts(40, 30, 8, 2) }).Ok();
        Assert.Equal("Adopted", adopted["status"]!.GetValue<string>());
        Assert.Null(adopted["nextStep"]);

        var (_, list) = await ds.Get("api/runs?status=Adopted");
        Assert.Contains(list!["runs"]!.AsArray(), r => r!["runId"]!.GetValue<string>() == runId);
    }

    [Fact]
    public async Task The_same_vote_sent_twice_is_recorded_once_and_answered_alike()
    {
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-2017-05-16", stageId = "csp", date = "2017-05-16" }).Ok();
        string key = Guid.NewGuid().ToString();
        var body = new { approved = true, vote = Council.Counts(15, 14, 1) };
        var first = await clerk.Post($"api/runs/{runId}/meetings/csp-2017-05-16/stage-approval", body, key).Ok();
        var again = await clerk.Post($"api/runs/{runId}/meetings/csp-2017-05-16/stage-approval", body, key).Ok();
        Assert.Equal(first["lastSequence"]!.GetValue<long>(), again["lastSequence"]!.GetValue<long>());

        var (_, timeline) = await ds.Get($"api/runs/{runId}/timeline");
        Assert.Single(timeline!["events"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "stage-approved");
    }

    [Fact]
    public async Task Two_clerks_racing_on_one_run_one_wins_and_the_other_gets_409()
    {
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-2017-05-16", stageId = "csp", date = "2017-05-16" }).Ok();
        var other = system.Client(Keys.Clerk);
        var a = clerk.Post($"api/runs/{runId}/meetings/csp-2017-05-16/stage-approval", new { approved = true, vote = Council.Counts(15, 15, 0) });
        var b = other.Post($"api/runs/{runId}/meetings/csp-2017-05-16/stage-approval", new { approved = true, vote = Council.Counts(14, 12, 2) });
        var statuses = (await Task.WhenAll(a, b)).Select(r => r.Status).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var (_, timeline) = await ds.Get($"api/runs/{runId}/timeline");
        Assert.Single(timeline!["events"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "stage-approved");
    }

    [Fact]
    public async Task A_budget_run_refuses_a_vote_without_names()
    {
        string runId = await ds.StartRun("Budget 2013/14 and council tax", "budget", new { financialYearStarting = 2013 });
        await clerk.Post($"api/runs/{runId}/consultation", new
        {
            consultedOn = "2013-01-31", recommendations = new[] { "Protect youth services." }, response = "Noted in the budget report.",
        }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-2013-02-06", stageId = "cabinet", date = "2013-02-06" }).Ok();
        await ds.UploadDraftPlan(runId, "004");
        var (status, problem, _) = await clerk.Post($"api/runs/{runId}/meetings/cabinet-2013-02-06/cabinet-decision",
            new { decision = "Recommend", vote = Council.Counts(9, 9, 0) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("by name", problem!["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        var named = Enumerable.Range(1, 9).Select(i => new { memberId = $"cabinet-{i:D2}", choice = "For" });
        var recommended = await clerk.Post($"api/runs/{runId}/meetings/cabinet-2013-02-06/cabinet-decision",
            new { decision = "Recommend", vote = new { present = 9, named } }).Ok();
        Assert.Equal("full-council", recommended["currentStage"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_command_the_stage_does_not_take_is_409_and_says_what_it_takes()
    {
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        var (status, problem, _) = await executive.Post($"api/runs/{runId}/executive-response", new
        {
            respondedOn = "2017-07-04",
            responses = new[] { new { amendmentNumber = 1, response = new { type = "accepted" } } },
        });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("schedule a meeting of Community Safety Partnership", problem!["expected"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
