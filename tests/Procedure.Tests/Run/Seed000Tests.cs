using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>
/// Seed 000: Council met on Monday 18 June 2012, agreed one amendment and referred the Community Safety Plan
/// 2012-13 back to the Mayor; Cabinet reconsidered on 4 July 2012 and did not accept the amendment; Council met
/// again on 11 July 2012, where insisting needed two-thirds of those present and voting.
/// </summary>
public sealed class Seed000Tests
{
    [Fact]
    public void Referral_on_18_June_2012_gives_the_period_19_to_25_June_and_Council_may_decide_from_26_June()
    {
        Seed000AtCouncil()
            .When(D(2012, 6, 18), Seed000Referral)
            .ThenEvents(
                new AmendmentAgreed(Council18June, D(2012, 6, 18), Seed000Amendment),
                new ReferredBackToExecutive(Council18June, D(2012, 6, 18), Votes(40, 18, 2),
                    InstructionsReceivedOn: D(2012, 6, 18),
                    PeriodFirstDay: D(2012, 6, 19),
                    PeriodLastDay: D(2012, 6, 25),
                    PeriodWorkingDays: [D(2012, 6, 19), D(2012, 6, 20), D(2012, 6, 21), D(2012, 6, 22), D(2012, 6, 25)],
                    CouncilMayDecideFrom: D(2012, 6, 26),
                    PeriodSetByCouncil: false));
    }

    [Fact]
    public void After_the_referral_the_run_waits_for_the_Mayors_response_to_amendment_1_by_25_June_2012()
    {
        var state = Seed000ReferredBack().State;

        Assert.Equal(RunStatus.ReferredBack, state.Status);
        var referral = Assert.IsType<Referral>(state.Referral);
        Assert.Equal(D(2012, 6, 26), referral.CouncilMayDecideFrom);
        var amendment = Assert.Single(state.Amendments);
        Assert.Equal("Councillor Abdal Ullah", amendment.Amendment.Mover);
        Assert.Null(amendment.Response);
        Assert.Equal(new ExpectedStep(
            "Respond to amendment 1 (accept, accept with modification, or not accept with reasons)", RunRole.Executive, D(2012, 6, 25)),
            state.NextStep);
        Assert.Equal(
            "The run is waiting for the Executive to respond to amendment 1 (accept, accept with modification, or not accept with reasons) by 25 June 2012.",
            state.NextStep!.Sentence);
    }

    [Fact]
    public void A_final_meeting_on_22_June_2012_cannot_be_scheduled_and_the_refusal_names_25_June_and_26_June()
    {
        var refusal = Seed000ReferredBack()
            .When(D(2012, 6, 19), new ScheduleMeeting(Council22June, "full-council", D(2012, 6, 22)))
            .Refused(RefusalKind.BreaksRule);

        Assert.Equal(
            "The reconsideration period ends on 25 June 2012; Council may decide from 26 June 2012. " +
            "A Full Council meeting on 22 June 2012 would be too early for Council's final decision.",
            refusal.Reason);
        Assert.StartsWith("The run is waiting for the Executive to respond to amendment 1", refusal.Expected);
    }

    [Fact]
    public void A_Council_meeting_on_22_June_2012_scheduled_before_the_referral_cannot_take_the_final_decision()
    {
        var given = Seed000AtCouncil()
            .And(D(2012, 6, 6), new ScheduleMeeting(Council22June, "full-council", D(2012, 6, 22)));
        var referral = given.When(D(2012, 6, 18), Seed000Referral).Accepted();
        Assert.Contains("Full Council's meeting on 22 June 2012 falls before 26 June 2012 and cannot take the final decision.", referral.Warnings);

        var referredBack = given.And(D(2012, 6, 18), Seed000Referral);
        foreach (var command in new RunCommand[] { new RecordInsistVote(Council22June, 1, Votes(40, 20)), new RecordFinalDecision(Council22June, Votes(40, 20)) })
        {
            var refusal = referredBack.When(D(2012, 6, 22), command).Refused(RefusalKind.BreaksRule);
            Assert.Equal(
                "The reconsideration period ends on 25 June 2012; Council may decide from 26 June 2012. " +
                "The meeting on 22 June 2012 is too early for Council's final decision.",
                refusal.Reason);
        }
    }

    [Fact]
    public void Cabinet_on_4_July_2012_does_not_accept_the_amendment_with_reasons_after_the_period_so_it_counts_as_not_accepted()
    {
        var given = Seed000ReferredBack()
            .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)));

        var decision = given.When(D(2012, 7, 4), Seed000Response).ThenEvents(
            new ReconsiderationPeriodEnded(D(2012, 6, 25), [1]),
            new ExecutiveResponseRecorded(D(2012, 7, 4), Seed000Response.Responses, Seed000Response.RevisedDraftNote, AfterPeriod: true));
        Assert.Contains(decision.Warnings, w => w.Contains("after the reconsideration period ended on 25 June 2012"));

        var state = given.After(D(2012, 7, 4), Seed000Response);
        var amendment = Assert.Single(state.Amendments);
        Assert.IsType<ExecutiveResponse.NotAccepted>(amendment.Response);
        Assert.False(amendment.ResponseDeemed);
        Assert.True(amendment.RespondedAfterPeriod);
        Assert.Equal(RunStatus.AwaitingFinalDecision, state.Status);
        Assert.Equal(new ExpectedStep("Record Council's vote on insisting on amendment 1 at its meeting on 11 July 2012", RunRole.Clerk, D(2012, 7, 11)), state.NextStep);
    }

    [Fact]
    public void Council_on_11_July_2012_39_for_21_against_is_not_two_thirds_so_the_plan_is_adopted_without_the_amendment()
    {
        var given = Seed000AtFinalMeeting();

        var insist = given.When(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(39, 21))).Single<InsistVoteRecorded>();
        Assert.False(insist.Insisted);
        Assert.Equal(VotingThreshold.TwoThirdsOfPresentAndVoting, insist.Threshold);
        Assert.Contains("two thirds of the 60 present and voting is 40", insist.Explanation);

        var afterInsist = given.And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(39, 21)));
        afterInsist.When(D(2012, 7, 11), new RecordFinalDecision(Council11July, Votes(41, 19)))
            .ThenEvents(new PlanAdopted(Council11July, D(2012, 7, 11), Votes(41, 19), [], AfterReconsideration: true, AdoptedDraft));

        var adopted = afterInsist.After(D(2012, 7, 11), new RecordFinalDecision(Council11July, Votes(41, 19)));
        Assert.Equal(RunStatus.Adopted, adopted.Status);
        Assert.Empty(adopted.AmendmentsApplied);
        Assert.Equal(D(2012, 7, 11), adopted.EndedOn);
        Assert.Null(adopted.NextStep);
    }

    [Fact]
    public void Council_on_11_July_2012_40_for_20_against_is_two_thirds_so_the_plan_is_adopted_with_the_amendment()
    {
        var afterInsist = Seed000AtFinalMeeting().And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(40, 20)));
        Assert.True(Assert.Single(afterInsist.State.Amendments).Insist!.Insisted);

        afterInsist.When(D(2012, 7, 11), new RecordFinalDecision(Council11July, Votes(40, 20)))
            .ThenEvents(new PlanAdopted(Council11July, D(2012, 7, 11), Votes(40, 20),
                [new AppliedAmendment(1, Seed000Amendment.Text, AppliedBecause.InsistedOnByCouncil)], AfterReconsideration: true, AdoptedDraft));
    }

    [Fact]
    public void The_run_record_of_seed_000_lists_its_dates_in_order()
    {
        var state = Seed000AtFinalMeeting().State;
        var dates = state.Dates();

        Assert.Equal(dates.OrderBy(d => d.Date).Select(d => d.Date), dates.Select(d => d.Date));
        Assert.Contains(new RunDate(RunDateKind.ReconsiderationPeriodEnds, D(2012, 6, 25),
            "The reconsideration period ends at the end of 25 June 2012; an amendment not answered by then counts as not accepted"), dates);
        Assert.Contains(new RunDate(RunDateKind.CouncilMayDecideFrom, D(2012, 6, 26), "Council may take its final decision from 26 June 2012"), dates);
        Assert.Contains(new RunDate(RunDateKind.Meeting, D(2012, 7, 11), "Full Council meets on 11 July 2012", Council11July), dates);
        // 11 July 2012 needs 4, 5, 6, 9 and 10 July clear: papers by Tuesday 3 July 2012.
        Assert.Contains(dates, d => d.Kind == RunDateKind.PapersPublishBy && d.MeetingId == Council11July && d.Date == D(2012, 7, 3));
    }
}
