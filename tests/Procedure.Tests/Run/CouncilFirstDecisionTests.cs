using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Full Council's first meeting on the plan: adopt as proposed, refer back with amendments, or not adopt.</summary>
public sealed class CouncilFirstDecisionTests
{
    private static readonly LocalDate June18 = D(2012, 6, 18);

    [Fact]
    public void Council_adopts_the_plan_as_proposed_by_a_simple_majority()
    {
        Seed000AtCouncil().When(June18, new AdoptPlan(Council18June, Votes(31, 29)))
            .ThenEvents(new PlanAdopted(Council18June, June18, Votes(31, 29), [], AfterReconsideration: false, AdoptedDraft));
    }

    [Fact]
    public void A_lost_motion_to_adopt_is_not_recorded_as_adoption_but_as_not_adopted()
    {
        var refusal = Seed000AtCouncil().When(June18, new AdoptPlan(Council18June, Votes(29, 31))).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The motion to adopt the plan was lost (29 for, 31 against, 0 abstaining (60 present)): record that Council did not adopt it.", refusal.Reason);
        Seed000AtCouncil().When(June18, new RejectPlan(Council18June, Votes(29, 31)))
            .ThenEvents(new PlanNotAdopted(Council18June, June18, Votes(29, 31), AfterReconsideration: false));
        Seed000AtCouncil().When(June18, new RejectPlan(Council18June, Votes(31, 29))).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void A_tied_Council_vote_needs_the_chairs_casting_vote()
    {
        Seed000AtCouncil().When(June18, new AdoptPlan(Council18June, Votes(30, 30))).Refused(RefusalKind.BreaksRule);
        Seed000AtCouncil().When(June18, new AdoptPlan(Council18June, Votes(30, 30, casting: VoteChoice.For))).Single<PlanAdopted>();
    }

    [Fact]
    public void An_inquorate_Council_cannot_decide()
    {
        // 64 members: a quarter is 16.
        var refusal = Seed000AtCouncil().When(June18, new AdoptPlan(Council18June, Votes(10, 5))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("not quorate", refusal.Reason);
    }

    [Fact]
    public void Referring_back_needs_at_least_one_amendment_because_Council_may_not_adopt_a_modified_plan_now()
    {
        var refusal = Seed000AtCouncil().When(June18, Seed000Referral with { Amendments = [] }).Refused(RefusalKind.BreaksRule);
        Assert.Contains("Council may not adopt a modified plan at this meeting", refusal.Reason);
    }

    public static TheoryData<string, Amendment[], string> BadAmendments => new()
    {
        { "no mover", [new Amendment(1, "", "Cllr B", "text")], "Amendment 1 needs the member who moved it and the member who seconded it." },
        { "moved and seconded by one member", [new Amendment(1, "Cllr A", "cllr a", "text")], "Amendment 1 was moved and seconded by the same member (Cllr A)." },
        { "no text", [new Amendment(1, "Cllr A", "Cllr B", " ")], "Amendment 1 needs its text." },
        { "number 0", [new Amendment(0, "Cllr A", "Cllr B", "text")], "Amendment numbers start at 1, not 0." },
        { "a number twice", [new Amendment(1, "Cllr A", "Cllr B", "x"), new Amendment(1, "Cllr C", "Cllr D", "y")], "Amendment number 1 is used 2 times." },
    };

    [Theory]
    [MemberData(nameof(BadAmendments))]
    public void An_amendment_is_refused_with(string _, Amendment[] amendments, string problem)
    {
        var refusal = Seed000AtCouncil().When(June18, Seed000Referral with { Amendments = amendments }).Refused(RefusalKind.BreaksRule);
        Assert.Contains(problem, refusal.Reason);
    }

    [Fact]
    public void Council_may_set_a_longer_period_and_decide_from_the_day_after_it()
    {
        var referred = Seed000AtCouncil().When(June18, Seed000Referral with { PeriodEndsOn = D(2012, 7, 10) }).Accepted();
        var referral = Assert.IsType<ReferredBackToExecutive>(referred.Events[^1]);
        Assert.Equal(D(2012, 7, 10), referral.PeriodLastDay);
        Assert.Equal(D(2012, 7, 11), referral.CouncilMayDecideFrom);
        Assert.True(referral.PeriodSetByCouncil);
        Assert.Equal(16, referral.PeriodWorkingDays.Count);
    }

    [Fact]
    public void Council_may_not_set_a_period_shorter_than_five_working_days_and_is_told_the_earliest_end()
    {
        var refusal = Seed000AtCouncil().When(June18, Seed000Referral with { PeriodEndsOn = D(2012, 6, 22) }).Refused(RefusalKind.BreaksRule);
        Assert.Equal(
            "The reconsideration period must hold at least 5 working days after the instructions were received on 18 June 2012: " +
            "it may end no earlier than 25 June 2012, not on 22 June 2012.",
            refusal.Reason);
    }

    [Fact]
    public void Instructions_received_on_a_later_day_start_the_period_the_day_after_that()
    {
        var referral = Assert.IsType<ReferredBackToExecutive>(
            Seed000AtCouncil().When(D(2012, 6, 20), Seed000Referral with { InstructionsReceivedOn = D(2012, 6, 20) }).Accepted().Events[^1]);
        Assert.Equal(D(2012, 6, 21), referral.PeriodFirstDay);
        Assert.Equal(D(2012, 6, 27), referral.PeriodLastDay);
    }

    [Fact]
    public void Instructions_cannot_be_received_before_the_meeting_that_gave_them()
    {
        var refusal = Seed000AtCouncil().When(June18, Seed000Referral with { InstructionsReceivedOn = D(2012, 6, 15) }).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The Executive cannot have received Council's instructions on 15 June 2012, before the meeting that gave them on 18 June 2012.", refusal.Reason);
    }

    [Fact]
    public void The_same_referral_again_records_nothing_and_a_different_vote_for_it_is_refused()
    {
        var given = Seed000ReferredBack();
        given.When(D(2012, 6, 19), Seed000Referral).ThenNothingNew();
        var refusal = given.When(D(2012, 6, 19), Seed000Referral with { Vote = Votes(41, 17, 2) }).Refused(RefusalKind.AlreadyDecided);
        Assert.StartsWith("Full Council's decision at its meeting on 18 June 2012 is already recorded: referred back to the Executive (40 for, 18 against, 2 abstaining (60 present)).", refusal.Reason);
        given.When(D(2012, 6, 19), new AdoptPlan(Council18June, Votes(40, 18, 2))).Refused(RefusalKind.AlreadyDecided);
    }

    [Fact]
    public void After_the_referral_the_first_meetings_decisions_are_the_wrong_stage()
    {
        var given = Seed000ReferredBack().And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)));
        var refusal = given.When(D(2012, 7, 11), new AdoptPlan(Council11July, Votes(40, 20))).Refused(RefusalKind.WrongStage);
        Assert.StartsWith("Full Council referred the plan back to the Executive on 18 June 2012", refusal.Reason);
    }

    [Fact]
    public void Full_Council_cannot_decide_before_Cabinet_has_recommended()
    {
        var given = Seed001Tests_Started();
        var refusal = given.When(D(2017, 11, 22), new AdoptPlan("council", Votes(40, 10))).Refused(RefusalKind.WrongStage);
        Assert.Contains("Full Council decides after Cabinet has recommended the plan", refusal.Reason);

        static Given Seed001Tests_Started() => Seed001Started().And(D(2017, 5, 2), new ScheduleMeeting("council", "full-council", D(2017, 11, 22)));
    }
}
