using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>The Executive's reconsideration: one response per amendment, within the period; the timer ends the period.</summary>
public sealed class ReconsiderationTests
{
    private static readonly Amendment Second = new(2, "Councillor Peter Golds", "Councillor Tim Archer", "Add a target for reducing serious acquisitive crime.");

    private static Given TwoAmendments() => Seed000AtCouncil()
        .And(D(2012, 6, 18), Seed000Referral with { Amendments = [Seed000Amendment, Second] });

    private static readonly AmendmentResponse Accept1 = new(1, new ExecutiveResponse.Accepted());
    private static readonly AmendmentResponse Modify2 = new(2, new ExecutiveResponse.AcceptedWithModification("Add a target for reducing serious acquisitive crime by 6%."));
    private static readonly AmendmentResponse Reject2 = new(2, new ExecutiveResponse.NotAccepted("Targets are set in the sub-group delivery plans."));

    [Fact]
    public void The_Executive_responds_within_the_period()
    {
        TwoAmendments().When(D(2012, 6, 22), new RecordExecutiveResponse(D(2012, 6, 22), [Accept1, Modify2], "Revised draft v2 attached."))
            .ThenEvents(new ExecutiveResponseRecorded(D(2012, 6, 22), [Accept1, Modify2], "Revised draft v2 attached.", AfterPeriod: false));

        var state = TwoAmendments().After(D(2012, 6, 22), new RecordExecutiveResponse(D(2012, 6, 22), [Accept1, Modify2], "Revised draft v2 attached."));
        Assert.Equal(RunStatus.ReferredBack, state.Status);
        Assert.All(state.Amendments, a => Assert.True(a.IsAnswered));
        Assert.Equal(["Revised draft v2 attached."], state.Referral!.RevisedDraftNotes);
        Assert.Equal(new ExpectedStep("Schedule Full Council's meeting for its final decision, on or after 26 June 2012", RunRole.DemocraticServices, null), state.NextStep);
    }

    [Fact]
    public void Amendments_may_be_answered_one_at_a_time_and_the_run_waits_for_the_rest()
    {
        var state = TwoAmendments().After(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [Accept1]));
        Assert.Equal("Respond to amendment 2 (accept, accept with modification, or not accept with reasons)", state.NextStep!.What);
    }

    [Fact]
    public void The_same_response_again_records_nothing_and_a_different_one_is_refused()
    {
        var given = TwoAmendments().And(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [Accept1]));
        given.When(D(2012, 6, 21), new RecordExecutiveResponse(D(2012, 6, 20), [Accept1])).ThenNothingNew();
        given.When(D(2012, 6, 21), new RecordExecutiveResponse(D(2012, 6, 21), [Accept1])).ThenNothingNew();
        var refusal = given.When(D(2012, 6, 21), new RecordExecutiveResponse(D(2012, 6, 21), [new AmendmentResponse(1, new ExecutiveResponse.NotAccepted("Changed our mind"))]))
            .Refused(RefusalKind.BreaksRule);
        Assert.Equal("The Executive already responded to amendment 1 on 20 June 2012: accepted. A different response cannot be recorded.", refusal.Reason);
    }

    [Fact]
    public void A_response_to_an_amendment_that_does_not_exist_is_refused()
    {
        var refusal = TwoAmendments().When(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [new AmendmentResponse(3, new ExecutiveResponse.Accepted())]))
            .Refused(RefusalKind.BreaksRule);
        Assert.Equal("Council agreed amendments 1 and 2; there is no amendment 3.", refusal.Reason);
    }

    [Fact]
    public void A_response_before_the_referral_is_the_wrong_stage()
    {
        Seed000AtCouncil().When(D(2012, 6, 18), new RecordExecutiveResponse(D(2012, 6, 18), [Accept1])).Refused(RefusalKind.WrongStage);
    }

    [Fact]
    public void Not_accepting_needs_reasons_and_a_modification_needs_its_text()
    {
        TwoAmendments().When(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [new AmendmentResponse(1, new ExecutiveResponse.NotAccepted(" "))]))
            .Refused(RefusalKind.BreaksRule);
        TwoAmendments().When(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [new AmendmentResponse(1, new ExecutiveResponse.AcceptedWithModification(""))]))
            .Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void A_response_cannot_be_dated_before_the_instructions_or_after_today()
    {
        TwoAmendments().When(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 17), [Accept1])).Refused(RefusalKind.BreaksRule);
        TwoAmendments().When(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 21), [Accept1])).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void After_the_period_the_Executive_can_no_longer_accept_an_amendment()
    {
        var refusal = TwoAmendments().When(D(2012, 6, 27), new RecordExecutiveResponse(D(2012, 6, 27), [Accept1])).Refused(RefusalKind.BreaksRule);
        Assert.Equal(
            "The reconsideration period ended on 25 June 2012; amendment 1 had no response by then and counts as not accepted. " +
            "After the period the Executive may still give reasons for not accepting an amendment, but can no longer accept one.",
            refusal.Reason);
    }

    [Fact]
    public void The_timer_ends_the_period_and_every_unanswered_amendment_counts_as_not_accepted()
    {
        var given = TwoAmendments().And(D(2012, 6, 20), new RecordExecutiveResponse(D(2012, 6, 20), [Accept1]));
        given.When(D(2012, 6, 26), new EndReconsiderationPeriod())
            .ThenEvents(new ReconsiderationPeriodEnded(D(2012, 6, 25), [2]));

        var state = given.After(D(2012, 6, 26), new EndReconsiderationPeriod());
        Assert.Equal(RunStatus.AwaitingFinalDecision, state.Status);
        var second = state.FindAmendment(2)!;
        Assert.Equal(new ExecutiveResponse.NotAccepted("No response by the end of the period."), second.Response);
        Assert.True(second.ResponseDeemed);
        Assert.True(second.AwaitsInsistVote);
        Assert.IsType<ExecutiveResponse.Accepted>(state.FindAmendment(1)!.Response);
    }

    [Fact]
    public void The_timer_cannot_end_the_period_before_its_last_day_has_passed_and_a_second_end_records_nothing()
    {
        var refusal = TwoAmendments().When(D(2012, 6, 25), new EndReconsiderationPeriod()).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The reconsideration period runs until the end of 25 June 2012; it can be ended from 26 June 2012.", refusal.Reason);
        TwoAmendments().And(D(2012, 6, 26), new EndReconsiderationPeriod())
            .When(D(2012, 6, 27), new EndReconsiderationPeriod()).ThenNothingNew();
        Seed000AtCouncil().When(D(2012, 6, 26), new EndReconsiderationPeriod()).Refused(RefusalKind.WrongStage);
    }

    [Fact]
    public void After_the_timer_the_Executive_may_still_give_reasons_for_not_accepting_but_not_accept()
    {
        var ended = TwoAmendments().And(D(2012, 6, 26), new EndReconsiderationPeriod());
        ended.When(D(2012, 7, 4), new RecordExecutiveResponse(D(2012, 7, 4), [Reject2]))
            .ThenEvents(new ExecutiveResponseRecorded(D(2012, 7, 4), [Reject2], null, AfterPeriod: true));
        ended.When(D(2012, 7, 4), new RecordExecutiveResponse(D(2012, 7, 4), [Modify2])).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void A_response_dated_within_the_period_but_recorded_after_the_timer_stands()
    {
        var ended = TwoAmendments().And(D(2012, 6, 26), new EndReconsiderationPeriod());
        ended.When(D(2012, 6, 27), new RecordExecutiveResponse(D(2012, 6, 25), [Accept1, Modify2]))
            .ThenEvents(new ExecutiveResponseRecorded(D(2012, 6, 25), [Accept1, Modify2], null, AfterPeriod: false));
    }

    [Fact]
    public void Once_Council_has_begun_its_final_votes_no_response_is_recorded()
    {
        var given = TwoAmendments()
            .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)))
            .And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(30, 30)));
        var refusal = given.When(D(2012, 7, 11), new RecordExecutiveResponse(D(2012, 7, 11), [Reject2])).Refused(RefusalKind.WrongStage);
        Assert.Equal("Council began its final decision on 11 July 2012; the Executive's response can no longer be recorded.", refusal.Reason);
    }
}
