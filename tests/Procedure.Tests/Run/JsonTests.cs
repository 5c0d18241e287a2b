using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Every command and event goes to JSON and back unchanged, with its "type" discriminator.</summary>
public sealed class JsonTests
{
    private static readonly Vote NamedVote = Named("full-council", 3, 1, 1);

    public static IReadOnlyList<RunCommand> Commands { get; } =
    [
        new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules),
        new StartRun("Budget 2013-14", StageTemplates.Budget, RunRules.ForBudget(ExecutiveArrangement.LeaderAndCabinet, 2013, VotingThreshold.SimpleMajority)),
        new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11), new LocalTime(19, 0), "Council Chamber"),
        new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20)),
        new CancelMeeting("csp-1", "Moved"),
        new RecordStageApproval("csp-1", true, Votes(9, 1, 1), "Approved"),
        new RecordStageApproval("csp-1", false),
        new RecordConsultation(null, D(2012, 5, 10), ["Include targets."], "Targets are in the delivery plans."),
        new RecordConsultation("os-1", null, [], "None."),
        new RecordCabinetDecision("cabinet-1", CabinetDecision.Recommend, NamedVote, "Agreed"),
        new AdoptPlan(Council18June, Votes(40, 20, casting: VoteChoice.For)),
        new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment], D(2012, 6, 19), D(2012, 7, 10)),
        new RejectPlan(Council18June, Votes(20, 40)),
        Seed000Response,
        new RecordExecutiveResponse(D(2012, 6, 22),
        [
            new AmendmentResponse(1, new ExecutiveResponse.Accepted()),
            new AmendmentResponse(2, new ExecutiveResponse.AcceptedWithModification("modified")),
        ]),
        new EndReconsiderationPeriod(),
        new RecordInsistVote(Council11July, 1, Votes(39, 21)),
        new RecordFinalDecision(Council11July, NamedVote),
        new WithdrawPlan("Superseded"),
        new WithdrawPlan(null),
        new CancelRun("Duplicate"),
    ];

    public static IReadOnlyList<RunEvent> Events { get; } =
    [
        new RunStarted("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules, D(2012, 3, 1)),
        new MeetingScheduled(Council11July, "full-council", "full-council", D(2012, 7, 11), new LocalTime(19, 0), "Council Chamber", D(2012, 7, 3)),
        new MeetingCancelled("csp-1", "Moved", D(2012, 3, 5)),
        new StageApproved("csp", "csp-1", D(2012, 3, 20), Votes(9, 1), null),
        new StageNotApproved("csp", "csp-1", D(2012, 3, 20), null, "Needs targets"),
        new ConsultationRecorded("executive-consultation", null, D(2012, 5, 10), ["Include targets."], "In the delivery plans."),
        new RecommendedToCouncil("cabinet", "cabinet-1", D(2012, 6, 6), NamedVote, null),
        new SentBackForRevision("cabinet", "cabinet-1", D(2012, 6, 6), null, "Revise"),
        new AmendmentAgreed(Council18June, D(2012, 6, 18), Seed000Amendment),
        new ReferredBackToExecutive(Council18June, D(2012, 6, 18), Votes(40, 18, 2), D(2012, 6, 18), D(2012, 6, 19), D(2012, 6, 25),
            [D(2012, 6, 19), D(2012, 6, 20), D(2012, 6, 21), D(2012, 6, 22), D(2012, 6, 25)], D(2012, 6, 26), false),
        new ExecutiveResponseRecorded(D(2012, 7, 4), Seed000Response.Responses, "Unchanged", true),
        new ReconsiderationPeriodEnded(D(2012, 6, 25), [1, 2]),
        new InsistVoteRecorded(Council11July, 1, D(2012, 7, 11), Votes(39, 21), VotingThreshold.TwoThirdsOfPresentAndVoting, false, "lost"),
        new PlanAdopted(Council11July, D(2012, 7, 11), Votes(40, 20), [new AppliedAmendment(1, "text", AppliedBecause.InsistedOnByCouncil)], true),
        new PlanNotAdopted(Council11July, D(2012, 7, 11), Votes(20, 40), true),
        new PlanWithdrawn("Superseded", D(2012, 7, 5)),
        new RunCancelled("Duplicate", D(2012, 7, 5)),
    ];

    public static TheoryData<int> CommandIndexes => new(Enumerable.Range(0, Commands.Count));

    public static TheoryData<int> EventIndexes => new(Enumerable.Range(0, Events.Count));

    [Theory]
    [MemberData(nameof(CommandIndexes))]
    public void Every_command_round_trips_through_JSON(int index) => AssertRoundTrips(Commands[index]);

    [Theory]
    [MemberData(nameof(EventIndexes))]
    public void Every_event_round_trips_through_JSON(int index) => AssertRoundTrips(Events[index]);

    private static readonly string[] RunCommandNames =
    [
        "start-run", "schedule-meeting", "cancel-meeting", "record-stage-approval", "record-consultation", "record-cabinet-decision",
        "adopt-plan", "refer-back-to-executive", "reject-plan", "record-executive-response", "end-reconsideration-period",
        "record-insist-vote", "record-final-decision", "withdraw-plan", "cancel-run",
    ];

    private static readonly string[] RunEventNames =
    [
        "run-started", "meeting-scheduled", "meeting-cancelled", "stage-approved", "stage-not-approved", "consultation-recorded",
        "recommended-to-council", "sent-back-for-revision", "amendment-agreed", "referred-back-to-executive", "executive-response-recorded",
        "reconsideration-period-ended", "insist-vote-recorded", "plan-adopted", "plan-not-adopted", "plan-withdrawn", "run-cancelled",
    ];

    [Fact]
    public void The_samples_cover_every_command_and_event_of_the_procedure_and_every_type_has_a_discriminator()
    {
        Assert.Subset(DerivedTypes<RunCommand>().Keys.ToHashSet(), RunCommandNames.ToHashSet());
        Assert.Subset(DerivedTypes<RunEvent>().Keys.ToHashSet(), RunEventNames.ToHashSet());
        Assert.Equal(RunCommandNames.Order(), Commands.Select(c => Discriminator<RunCommand>(c.GetType())).Distinct().Order());
        Assert.Equal(RunEventNames.Order(), Events.Select(e => Discriminator<RunEvent>(e.GetType())).Distinct().Order());
        var commandTypes = typeof(RunCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RunCommand)));
        Assert.All(commandTypes, t => Assert.Contains(t, DerivedTypes<RunCommand>().Values));
        var eventTypes = typeof(RunEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RunEvent)));
        Assert.All(eventTypes, t => Assert.Contains(t, DerivedTypes<RunEvent>().Values));
    }

    [Fact]
    public void A_referral_reads_as_a_clerk_would_write_it()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize<RunCommand>(
            new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment], PeriodEndsOn: D(2012, 7, 10)), ProcedureJson.Options))!;
        Assert.Equal("refer-back-to-executive", (string?)json["type"]);
        Assert.Equal("2012-07-10", (string?)json["periodEndsOn"]);
        Assert.Null(json["instructionsReceivedOn"]);
        Assert.Equal(40, (int?)json["vote"]!["for"]);
        Assert.Equal("Councillor Abdal Ullah", (string?)json["amendments"]![0]!["mover"]);
    }

    [Fact]
    public void Enums_are_strings_times_are_ISO_and_the_threshold_is_its_name()
    {
        var insist = JsonNode.Parse(JsonSerializer.Serialize<RunEvent>(Events.OfType<InsistVoteRecorded>().Single(), ProcedureJson.Options))!;
        Assert.Equal("TwoThirdsOfPresentAndVoting", (string?)insist["threshold"]);
        var meeting = JsonNode.Parse(JsonSerializer.Serialize<RunEvent>(Events.OfType<MeetingScheduled>().Single(), ProcedureJson.Options))!;
        Assert.Equal("19:00:00", (string?)meeting["startsAt"]);
        var started = JsonNode.Parse(JsonSerializer.Serialize<RunEvent>(Events.OfType<RunStarted>().Single(), ProcedureJson.Options))!;
        Assert.Equal("DirectlyElectedMayor", (string?)started["rules"]!["executive"]);
        Assert.Equal("PartnershipBoard", (string?)started["template"]!["stages"]![0]!["kind"]);
        var response = JsonNode.Parse(JsonSerializer.Serialize<RunCommand>(Seed000Response, ProcedureJson.Options))!;
        Assert.Equal("not-accepted", (string?)response["responses"]![0]!["response"]!["type"]);
    }

    [Fact]
    public void A_command_whose_type_comes_after_its_fields_is_read()
    {
        var command = JsonSerializer.Deserialize<RunCommand>(
            """{"reason":"Duplicate","type":"cancel-run"}""", ProcedureJson.Options);
        Assert.Equal(new CancelRun("Duplicate"), command);
    }

    [Fact]
    public void An_unknown_threshold_is_refused_when_read()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RunRules>(
            """{"executive":"leaderAndCabinet","insistThreshold":"ThreeQuarters","isBudget":false}""", ProcedureJson.Options));
    }

    private static void AssertRoundTrips<T>(T value) where T : class
    {
        var json = JsonSerializer.Serialize(value, ProcedureJson.Options);
        var node = JsonNode.Parse(json)!;
        Assert.Equal(Discriminator<T>(value.GetType()), (string?)node["type"]);
        var back = JsonSerializer.Deserialize<T>(json, ProcedureJson.Options)!;
        Assert.IsType(value.GetType(), back);
        Assert.Equal(json, JsonSerializer.Serialize(back, ProcedureJson.Options));
    }

    private static string Discriminator<T>(Type type) => DerivedTypes<T>().Single(p => p.Value == type).Key;

    private static Dictionary<string, Type> DerivedTypes<T>() =>
        typeof(T).GetCustomAttributes<JsonDerivedTypeAttribute>().ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType);
}
