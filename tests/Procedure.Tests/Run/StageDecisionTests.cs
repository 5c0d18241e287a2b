using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Partnership approvals, the Executive's consultation and Cabinet: stages in order, at their own meetings, with valid votes.</summary>
public sealed class StageDecisionTests
{
    private static Given Started() => Seed001Started();

    private static Given AtConsultation() => Started()
        .And(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true))
        .And(D(2017, 7, 18), new RecordStageApproval("csp-executive-2017-07-18", true));

    private static Given AtCabinet() => AtConsultation()
        .And(D(2017, 9, 20), new RecordConsultation(null, D(2017, 9, 20), [], "No recommendations were made."))
        .And(D(2017, 9, 20), new ScheduleMeeting("cabinet-2017-10-31", "cabinet", D(2017, 10, 31)));

    [Fact]
    public void A_decision_at_a_meeting_of_a_later_stage_is_the_wrong_stage()
    {
        var refusal = Started().When(D(2017, 7, 18), new RecordStageApproval("csp-executive-2017-07-18", true)).Refused(RefusalKind.WrongStage);
        Assert.Equal(
            "The meeting on 18 July 2017 is a meeting of Community Safety Partnership Executive; this decision belongs to Community Safety Partnership.",
            refusal.Reason);
        Assert.Equal("The run is waiting for the clerk to record whether Community Safety Partnership approved the draft at its meeting on 16 May 2017 by 16 May 2017.", refusal.Expected);
    }

    [Fact]
    public void A_command_another_stage_takes_is_the_wrong_stage()
    {
        Started().When(D(2017, 5, 16), new RecordCabinetDecision("csp-2017-05-16", CabinetDecision.Recommend)).Refused(RefusalKind.WrongStage);
        Started().When(D(2017, 5, 16), new AdoptPlan("csp-2017-05-16", Votes(10, 1))).Refused(RefusalKind.WrongStage);
        Started().When(D(2017, 5, 16), new RecordConsultation(null, D(2017, 5, 16), [], "none")).Refused(RefusalKind.WrongStage);
        AtConsultation().When(D(2017, 9, 20), new RecordStageApproval("csp-executive-2017-07-18", true)).ThenNothingNew();
    }

    [Fact]
    public void A_decision_cannot_be_recorded_for_a_meeting_dated_after_today()
    {
        var refusal = Started().When(D(2017, 5, 15), new RecordStageApproval("csp-2017-05-16", true)).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The meeting on 16 May 2017 has not taken place yet (today is 15 May 2017); record its decision after it.", refusal.Reason);
    }

    [Fact]
    public void A_decision_at_a_meeting_not_on_the_schedule_is_refused()
    {
        var refusal = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-17", true)).Refused(RefusalKind.BreaksRule);
        Assert.Contains("schedule it first", refusal.Reason);
    }

    [Fact]
    public void A_stage_cannot_decide_at_a_meeting_dated_before_the_previous_stage_decided()
    {
        var given = Started()
            .And(D(2017, 5, 2), new ScheduleMeeting("csp-executive-early", "csp-executive", D(2017, 5, 10)))
            .And(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true));
        var refusal = given.When(D(2017, 5, 20), new RecordStageApproval("csp-executive-early", true)).Refused(RefusalKind.BreaksRule);
        Assert.Equal(
            "The meeting on 10 May 2017 is before Community Safety Partnership decided on 16 May 2017; each stage decides after the one before it.",
            refusal.Reason);
    }

    [Fact]
    public void A_board_that_does_not_approve_keeps_the_stage_waiting_for_another_meeting()
    {
        var state = Started().After(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", false, Votes(4, 9)));
        Assert.Equal("csp", state.CurrentStage!.Id);
        Assert.Equal(new ExpectedStep("Schedule a meeting of Community Safety Partnership", RunRole.DemocraticServices, null), state.NextStep);
    }

    [Fact]
    public void The_vote_must_agree_with_the_recorded_approval()
    {
        var refusal = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", false, Votes(9, 4))).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The motion to approve the draft was carried (9 for, 4 against, 0 abstaining (13 present)), but the decision is recorded as not approved.", refusal.Reason);
    }

    [Fact]
    public void A_tie_without_a_casting_vote_is_refused_and_with_one_it_decides()
    {
        var refusal = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(6, 6))).Refused(RefusalKind.BreaksRule);
        Assert.Equal(
            "The vote on the motion to approve the draft is tied (6 for, 6 against, 0 abstaining (12 present)) and no casting vote is recorded: record the chair's casting vote.",
            refusal.Reason);
        Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(6, 6, casting: VoteChoice.For))).Single<StageApproved>();
    }

    [Fact]
    public void A_vote_the_body_could_not_have_cast_is_refused_with_its_problems()
    {
        // The CSP has 20 members: a quarter is 5.
        var inquorate = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(3, 0))).Refused(RefusalKind.BreaksRule);
        Assert.StartsWith("The vote cannot be recorded for Community Safety Partnership: the meeting was not quorate", inquorate.Reason);
        var overcounted = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(9, 4, present: 10))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("more than the 10 members present", overcounted.Reason);
    }

    [Fact]
    public void A_vote_of_a_body_that_is_not_registered_is_refused_saying_register_it()
    {
        var bodies = new Dictionary<string, Body>(Kit.Bodies);
        bodies.Remove("csp");
        var refusal = Started().When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(9, 1)), bodies).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The body \"csp\" (Community Safety Partnership) is not registered: register it and its members before recording its votes.", refusal.Reason);
    }

    [Fact]
    public void The_same_approval_again_records_nothing_and_a_different_vote_for_it_is_refused()
    {
        var given = Started().And(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", true, Votes(14, 0, 1)));
        given.When(D(2017, 5, 17), new RecordStageApproval("csp-2017-05-16", true, Votes(14, 0, 1))).ThenNothingNew();
        var refusal = given.When(D(2017, 5, 17), new RecordStageApproval("csp-2017-05-16", true, Votes(13, 1, 1))).Refused(RefusalKind.AlreadyDecided);
        Assert.Equal(
            "Community Safety Partnership's decision at its meeting on 16 May 2017 is already recorded: approved (14 for, 0 against, 1 abstaining (15 present)). " +
            "A different decision or vote for a motion already decided cannot be recorded.",
            refusal.Reason);
    }

    [Fact]
    public void The_consultation_records_the_recommendations_and_the_Executives_response()
    {
        AtConsultation().When(D(2017, 9, 20), new RecordConsultation(null, D(2017, 9, 20), [" Add a hate crime measure "], "Accepted: see priority 3."))
            .ThenEvents(new ConsultationRecorded("executive-consultation", null, D(2017, 9, 20), ["Add a hate crime measure"], "Accepted: see priority 3."));
    }

    [Fact]
    public void The_consultation_needs_the_Executives_response_and_a_date_or_meeting()
    {
        var refusal = AtConsultation().When(D(2017, 9, 20), new RecordConsultation(null, D(2017, 9, 20), ["x"], " ")).Refused(RefusalKind.BreaksRule);
        Assert.Contains("must show its response", refusal.Reason);
        AtConsultation().When(D(2017, 9, 20), new RecordConsultation(null, null, [], "none")).Refused(RefusalKind.BreaksRule);
        AtConsultation().When(D(2017, 9, 20), new RecordConsultation(null, D(2017, 9, 21), [], "none")).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void The_consultation_may_be_recorded_at_an_Overview_and_Scrutiny_meeting()
    {
        var given = AtConsultation().And(D(2017, 7, 19), new ScheduleMeeting("os-2017-09-05", "executive-consultation", D(2017, 9, 5)));
        given.When(D(2017, 9, 5), new RecordConsultation("os-2017-09-05", null, ["Publish quarterly figures."], "Agreed."))
            .ThenEvents(new ConsultationRecorded("executive-consultation", "os-2017-09-05", D(2017, 9, 5), ["Publish quarterly figures."], "Agreed."));
        given.When(D(2017, 9, 5), new RecordConsultation("os-2017-09-05", D(2017, 9, 6), [], "Agreed.")).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void Cabinet_recommends_the_plan_to_Full_Council()
    {
        AtCabinet().When(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.Recommend, Votes(8, 0), "Agreed"))
            .ThenEvents(new RecommendedToCouncil("cabinet", "cabinet-2017-10-31", D(2017, 10, 31), Votes(8, 0), "Agreed"));
        var state = AtCabinet().After(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.Recommend));
        Assert.Equal(StageKind.FullCouncil, state.CurrentStage!.Kind);
    }

    [Fact]
    public void Cabinet_may_send_the_plan_back_and_decide_again_at_a_later_meeting()
    {
        var given = AtCabinet().And(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.SendBack, Notes: "Revise the targets"));
        Assert.Equal(StageKind.Cabinet, given.State.CurrentStage!.Kind);
        given.And(D(2017, 11, 1), new ScheduleMeeting("cabinet-2017-11-28", "cabinet", D(2017, 11, 28)))
            .When(D(2017, 11, 28), new RecordCabinetDecision("cabinet-2017-11-28", CabinetDecision.Recommend))
            .Single<RecommendedToCouncil>();
    }

    [Fact]
    public void Cabinets_vote_on_the_motion_to_recommend_must_agree_with_its_decision()
    {
        AtCabinet().When(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.Recommend, Votes(3, 5))).Refused(RefusalKind.BreaksRule);
        AtCabinet().When(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.SendBack, Votes(3, 5))).Single<SentBackForRevision>();
    }
}
