using System.Text.Json.Nodes;

namespace ApprovalWorkflow.Bench;

/// <summary>The runs the bench drives over HTTP, with the seeds' real dates and votes.</summary>
public static class Journeys
{
    /// <summary>Tower Hamlets in 2012: the partnership boards, Overview and Scrutiny, a Cabinet of 10 and a Council of 51.</summary>
    public static async Task RegisterBodiesAsync(Api api)
    {
        (string Id, string Name, int Size)[] bodies =
        [
            ("csp", "Community Safety Partnership", 20),
            ("csp-executive", "Community Safety Partnership Executive", 8),
            ("overview-and-scrutiny", "Overview and Scrutiny Committee", 9),
            ("cabinet", "Cabinet", 10),
            ("full-council", "Full Council", 51),
        ];
        foreach (var (id, name, size) in bodies)
        {
            var members = Enumerable.Range(1, size)
                .Select(i => new { id = $"{id}-{i:D2}", name = $"Councillor {id} {i}", email = $"{id}-{i:D2}@members.example.gov.uk" });
            (await api.PostAsync(Api.DemocraticServices, "api/bodies", new { id, name, members })).Ok($"register {id}");
        }
    }

    /// <summary>Starts a run with seed 000's stages (Cabinet, then Full Council) and returns its id.</summary>
    public static async Task<string> StartCabinetCouncilRunAsync(Api api, string title)
    {
        var started = (await api.PostAsync(Api.DemocraticServices, "api/runs", new
        {
            title,
            template = "partnership-plan",
            stages = new object[]
            {
                new { id = "cabinet", name = "Cabinet", kind = "Cabinet", bodyId = "cabinet" },
                new { id = "full-council", name = "Full Council", kind = "FullCouncil", bodyId = "full-council" },
            },
            executive = "DirectlyElectedMayor",
        })).Ok("start run");
        string runId = started["runId"]!.GetValue<string>();
        // Cabinet and Council decide only on a plan the run holds: Democratic Services uploads the draft first.
        (await api.UploadAsync(Api.DemocraticServices, $"api/runs/{runId}/documents/draft-plan",
            System.Text.Encoding.UTF8.GetBytes($"{title}\n\nDraft plan for Cabinet and Full Council.\n"), "text/plain; charset=utf-8")).Ok("upload the draft plan");
        return runId;
    }

    public static Task<Answer> ScheduleAsync(Api api, string runId, string meetingId, string stageId, string date) =>
        api.PostAsync(Api.DemocraticServices, $"api/runs/{runId}/meetings", new { meetingId, stageId, date });

    public static Task<Answer> CabinetRecommendsAsync(Api api, string runId, string meetingId) =>
        api.PostAsync(Api.Clerk, $"api/runs/{runId}/meetings/{meetingId}/cabinet-decision",
            new { decision = "Recommend", vote = Api.Counts(9, 9, 0) });

    /// <summary>A run from start to adoption: start, schedule Cabinet, Cabinet recommends, schedule Council, Council adopts.</summary>
    public static async Task<JsonNode> StartToAdoptionAsync(Api api, string title)
    {
        string runId = await StartCabinetCouncilRunAsync(api, title);
        (await ScheduleAsync(api, runId, "cabinet-2017-10-31", "cabinet", "2017-10-31")).Ok("schedule Cabinet");
        (await CabinetRecommendsAsync(api, runId, "cabinet-2017-10-31")).Ok("Cabinet recommends");
        (await ScheduleAsync(api, runId, "council-2017-11-22", "full-council", "2017-11-22")).Ok("schedule Council");
        var adopted = (await api.PostAsync(Api.Clerk, $"api/runs/{runId}/meetings/council-2017-11-22/council-decision",
            new { outcome = "adopt", vote = Api.Counts(40, 30, 8, 2) })).Ok("Council adopts");
        Expect(adopted["status"]?.GetValue<string>() == "Adopted", $"run {runId} should be Adopted: {adopted["status"]}");
        return adopted;
    }

    /// <summary>
    /// Seed 000 end to end: bodies registered, the run started, Cabinet recommends, Council refers it back on
    /// 18 June 2012 with the amendment, the Executive does not accept it (4 July), Council meets on 11 July,
    /// insists (31 for, 15 against: two thirds) and adopts the plan with the amendment.
    /// </summary>
    public static async Task<JsonNode> Seed000Async(Api api)
    {
        await RegisterBodiesAsync(api);
        string runId = await StartCabinetCouncilRunAsync(api, "Community Safety Plan 2012-13");
        (await ScheduleAsync(api, runId, "cabinet-2012-06-06", "cabinet", "2012-06-06")).Ok("schedule Cabinet");
        (await CabinetRecommendsAsync(api, runId, "cabinet-2012-06-06")).Ok("Cabinet recommends");
        (await ScheduleAsync(api, runId, "council-2012-06-18", "full-council", "2012-06-18")).Ok("schedule Council 18 June");
        var referred = (await api.PostAsync(Api.Clerk, $"api/runs/{runId}/meetings/council-2012-06-18/council-decision", new
        {
            outcome = "refer-back",
            vote = Api.Counts(45, 27, 18),
            amendments = new[] { new { number = 1, mover = "Councillor Abdal Ullah", seconder = "Councillor Judith Gardiner", text = Seeds.Seed000Amendment() } },
            instructionsReceivedOn = "2012-06-18",
        })).Ok("Council refers back");
        Expect(referred["referral"]?["councilMayDecideFrom"]?.GetValue<string>() == "2012-06-26",
            $"Council may decide from 26 June 2012: {referred["referral"]?.ToJsonString()}");
        (await api.PostAsync(Api.Executive, $"api/runs/{runId}/executive-response", new
        {
            respondedOn = "2012-07-04",
            responses = new[] { new { amendmentNumber = 1, response = new { type = "not-accepted", reasons = Seeds.Seed000Reasons() } } },
        })).Ok("Executive response");
        (await ScheduleAsync(api, runId, "council-2012-07-11", "full-council", "2012-07-11")).Ok("schedule Council 11 July");
        (await api.PostAsync(Api.Clerk, $"api/runs/{runId}/meetings/council-2012-07-11/insist-votes",
            new { amendmentNumber = 1, vote = Api.Counts(48, 31, 15, 2) })).Ok("insist vote");
        var adopted = (await api.PostAsync(Api.Clerk, $"api/runs/{runId}/meetings/council-2012-07-11/final-decision",
            new { vote = Api.Counts(48, 30, 18) })).Ok("final decision");
        Expect(adopted["status"]?.GetValue<string>() == "Adopted", $"seed 000 should end Adopted: {adopted["status"]}");
        Expect(adopted["amendmentsApplied"]?.AsArray().Count == 1, "seed 000 should adopt the plan with the amendment");
        Expect(adopted["endedOn"]?.GetValue<string>() == "2012-07-11", $"seed 000 should end on 11 July 2012: {adopted["endedOn"]}");
        return adopted;
    }

    public static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>Seed 000 (copied from shared/seeds): the amendment Council agreed and the officers' advice on it.</summary>
public static class Seeds
{
    static string Text() =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "000_*.txt").Single());

    /// <summary>Section 6.1: the amendment moved by Councillor Abdal Ullah and seconded by Councillor Judith Gardiner.</summary>
    public static string Seed000Amendment()
    {
        string text = Text();
        int start = text.IndexOf("This Council notes:", StringComparison.Ordinal);
        int end = text.IndexOf("Tower Hamlets councillors\n", start, StringComparison.Ordinal);
        return text[start..(end + "Tower Hamlets councillors".Length)].Trim();
    }

    /// <summary>Section 10: officers' advice to the Executive on not accepting the amendment.</summary>
    public static string Seed000Reasons()
    {
        string text = Text();
        int start = text.IndexOf("10.1 The comments of the Corporate Director", StringComparison.Ordinal);
        return text.Substring(start, Math.Min(3000, text.Length - start)).Trim();
    }
}
