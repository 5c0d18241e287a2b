using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Council's final decision after the period: insist votes on the amendments not accepted, then the final vote.</summary>
public sealed class FinalDecisionTests
{
    private static readonly LocalDate July11 = D(2012, 7, 11);

    private static readonly Amendment Second = new(2, "Councillor Peter Golds", "Councillor Tim Archer", "Add a target for reducing serious acquisitive crime.");
    private static readonly Amendment Third = new(3, "Councillor Rachael Saunders", "Councillor Helal Abbas", "Name the police counter closures.");
    private static readonly Amendment Fourth = new(4, "Councillor Joshua Peck", "Councillor Anwar Khan", "Add drink-related ASB around Brick Lane.");

    /// <summary>Four amendments: 1 accepted, 2 accepted with modification, 3 and 4 not accepted; Council meets on 11 July 2012.</summary>
    private static Given FourAmendments(RunRules? rules = null) => Seed000AtCouncil(rules)
        .And(D(2012, 6, 18), Seed000Referral with { Amendments = [Seed000Amendment, Second, Third, Fourth] })
        .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", July11))
        .And(D(2012, 6, 25), new RecordExecutiveResponse(D(2012, 6, 25),
        [
            new AmendmentResponse(1, new ExecutiveResponse.Accepted()),
            new AmendmentResponse(2, new ExecutiveResponse.AcceptedWithModification("Add a target for reducing serious acquisitive crime by 6%.")),
            new AmendmentResponse(3, new ExecutiveResponse.NotAccepted("Counter closures are a matter for the police.")),
            new AmendmentResponse(4, new ExecutiveResponse.NotAccepted("Covered by the ASB priority.")),
        ]));

    [Fact]
    public void The_first_insist_vote_after_the_period_also_records_that_the_period_ended()
    {
        FourAmendments().When(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20)))
            .ThenEvents(
                new ReconsiderationPeriodEnded(D(2012, 6, 25), []),
                new InsistVoteRecorded(Council11July, 3, July11, Votes(40, 20), VotingThreshold.TwoThirdsOfPresentAndVoting, Insisted: true,
                    "carried: 40 for, 20 against; two thirds of the 60 present and voting is 40"));
    }

    [Fact]
    public void The_adopted_plan_lists_the_accepted_the_modified_and_the_insisted_amendments()
    {
        var given = FourAmendments()
            .And(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20)))
            .And(July11, new RecordInsistVote(Council11July, 4, Votes(39, 21)));

        given.When(July11, new RecordFinalDecision(Council11July, Votes(45, 15)))
            .ThenEvents(new PlanAdopted(Council11July, July11, Votes(45, 15),
            [
                new AppliedAmendment(1, Seed000Amendment.Text, AppliedBecause.AcceptedByExecutive),
                new AppliedAmendment(2, "Add a target for reducing serious acquisitive crime by 6%.", AppliedBecause.AcceptedWithModification),
                new AppliedAmendment(3, Third.Text, AppliedBecause.InsistedOnByCouncil),
            ], AfterReconsideration: true, AdoptedDraft));

        var state = given.After(July11, new RecordFinalDecision(Council11July, Votes(45, 15)));
        Assert.Equal([1, 2, 3], state.AmendmentsApplied.Select(a => a.Number));
        Assert.Equal("the plan was adopted with amendments 1, 2 and 3", state.OutcomeInWords);
    }

    [Fact]
    public void The_final_vote_waits_for_an_insist_vote_on_every_amendment_not_accepted()
    {
        var given = FourAmendments().And(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20)));
        var refusal = given.When(July11, new RecordFinalDecision(Council11July, Votes(45, 15))).Refused(RefusalKind.WrongStage);
        Assert.Equal(
            "Council has not yet voted on insisting on amendment 4, which the Executive did not accept; those votes come before the final vote.",
            refusal.Reason);
        Assert.Equal("The run is waiting for the clerk to record Council's vote on insisting on amendment 4 at its meeting on 11 July 2012 by 11 July 2012.", refusal.Expected);
    }

    [Fact]
    public void An_amendment_with_no_response_needs_its_insist_vote_too()
    {
        var given = Seed000ReferredBack().And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", July11));
        var refusal = given.When(July11, new RecordFinalDecision(Council11July, Votes(45, 15))).Refused(RefusalKind.WrongStage);
        Assert.Contains("amendment 1", refusal.Reason);
    }

    [Fact]
    public void Council_does_not_vote_on_insisting_on_an_amendment_the_Executive_accepted()
    {
        var refusal = FourAmendments().When(July11, new RecordInsistVote(Council11July, 2, Votes(40, 20))).Refused(RefusalKind.BreaksRule);
        Assert.StartsWith("The Executive accepted with a modification amendment 2", refusal.Reason);
        FourAmendments().When(July11, new RecordInsistVote(Council11July, 9, Votes(40, 20))).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void No_casting_vote_applies_to_a_two_thirds_insist_vote()
    {
        var refusal = FourAmendments().When(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20, casting: VoteChoice.For))).Refused(RefusalKind.BreaksRule);
        Assert.Equal("No casting vote applies to insisting on amendment 3, which needs TwoThirdsOfPresentAndVoting; record the vote without one.", refusal.Reason);
    }

    [Fact]
    public void With_a_simple_majority_to_insist_31_to_29_insists_and_a_tie_needs_the_casting_vote()
    {
        var rules = RunRules.ForPlan(ExecutiveArrangement.LeaderAndCabinet, VotingThreshold.SimpleMajority);
        var insisted = FourAmendments(rules).When(July11, new RecordInsistVote(Council11July, 3, Votes(31, 29))).Accepted();
        Assert.True(insisted.Events.OfType<InsistVoteRecorded>().Single().Insisted);
        FourAmendments(rules).When(July11, new RecordInsistVote(Council11July, 3, Votes(30, 30))).Refused(RefusalKind.BreaksRule);
        var casting = FourAmendments(rules).When(July11, new RecordInsistVote(Council11July, 3, Votes(30, 30, casting: VoteChoice.Against))).Accepted();
        Assert.False(casting.Events.OfType<InsistVoteRecorded>().Single().Insisted);
    }

    [Fact]
    public void The_same_insist_vote_again_records_nothing_and_a_different_one_is_refused()
    {
        var given = FourAmendments().And(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20)));
        given.When(July11, new RecordInsistVote(Council11July, 3, Votes(40, 20))).ThenNothingNew();
        var refusal = given.When(July11, new RecordInsistVote(Council11July, 3, Votes(39, 21))).Refused(RefusalKind.AlreadyDecided);
        Assert.Equal(
            "Council's vote on insisting on amendment 3 at its meeting on 11 July 2012 is already recorded: Council insisted on the amendment " +
            "(40 for, 20 against, 0 abstaining (60 present)). A different vote for a motion already decided cannot be recorded.",
            refusal.Reason);
    }

    [Fact]
    public void A_second_insist_vote_on_the_same_amendment_at_another_meeting_is_refused()
    {
        var given = FourAmendments()
            .And(D(2012, 6, 19), new ScheduleMeeting("council-2012-07-18", "full-council", D(2012, 7, 18)))
            .And(July11, new RecordInsistVote(Council11July, 3, Votes(39, 21)));
        given.When(D(2012, 7, 18), new RecordInsistVote("council-2012-07-18", 3, Votes(40, 20))).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void A_lost_final_vote_means_the_plan_is_not_adopted()
    {
        Seed000AtFinalMeeting().And(July11, new RecordInsistVote(Council11July, 1, Votes(39, 21)))
            .When(July11, new RecordFinalDecision(Council11July, Votes(20, 40)))
            .ThenEvents(new PlanNotAdopted(Council11July, July11, Votes(20, 40), AfterReconsideration: true));
    }

    [Fact]
    public void The_same_final_vote_again_records_nothing_even_though_the_run_has_ended_and_a_different_one_is_refused()
    {
        var adopted = Seed000AtFinalMeeting()
            .And(July11, new RecordInsistVote(Council11July, 1, Votes(39, 21)))
            .And(July11, new RecordFinalDecision(Council11July, Votes(41, 19)));
        adopted.When(D(2012, 7, 12), new RecordFinalDecision(Council11July, Votes(41, 19))).ThenNothingNew();
        adopted.When(D(2012, 7, 12), new RecordFinalDecision(Council11July, Votes(40, 20))).Refused(RefusalKind.RunEnded);
        adopted.When(D(2012, 7, 12), new RecordInsistVote(Council11July, 1, Votes(39, 21))).ThenNothingNew();
    }

    [Fact]
    public void Insist_votes_and_the_final_vote_before_a_referral_are_the_wrong_stage()
    {
        Seed000AtCouncil().When(D(2012, 6, 18), new RecordInsistVote(Council18June, 1, Votes(40, 20))).Refused(RefusalKind.WrongStage);
        Seed000AtCouncil().When(D(2012, 6, 18), new RecordFinalDecision(Council18June, Votes(40, 20))).Refused(RefusalKind.WrongStage);
    }

    [Fact]
    public void The_final_vote_cannot_be_recorded_before_its_meeting()
    {
        var refusal = Seed000AtFinalMeeting().When(D(2012, 7, 10), new RecordInsistVote(Council11July, 1, Votes(39, 21))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("has not taken place yet", refusal.Reason);
    }
}
