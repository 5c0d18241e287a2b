using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

public sealed class StartRunTests
{
    private static readonly StartRun Start = new("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules);

    [Fact]
    public void Starting_records_the_title_stages_rules_and_the_day()
    {
        Given.Nothing.When(D(2012, 3, 1), Start)
            .ThenEvents(new RunStarted("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules, D(2012, 3, 1)));

        var state = Given.Nothing.After(D(2012, 3, 1), Start);
        Assert.Equal(RunStatus.InProgress, state.Status);
        Assert.Equal("csp", state.CurrentStage!.Id);
        Assert.Equal(new ExpectedStep("Schedule a meeting of Community Safety Partnership", RunRole.DemocraticServices, null), state.NextStep);
    }

    [Fact]
    public void The_initial_state_is_not_started_and_waits_for_Democratic_Services()
    {
        Assert.Equal(RunStatus.NotStarted, RunState.Initial.Status);
        Assert.False(RunState.Initial.IsEnded);
        Assert.Null(RunState.Initial.CurrentStage);
        Assert.Equal(RunRole.DemocraticServices, RunState.Initial.NextStep!.FromRole);
        Assert.Same(RunState.Initial, RunState.Fold([]));
    }

    [Fact]
    public void Before_the_start_every_other_command_is_the_wrong_stage()
    {
        var refusal = Given.Nothing.When(D(2012, 3, 1), new ScheduleMeeting("m", "csp", D(2012, 3, 20))).Refused(RefusalKind.WrongStage);
        Assert.Equal("The run has not started yet.", refusal.Reason);
        Assert.Equal("The run is waiting for Democratic Services to start the approval run.", refusal.Expected);
    }

    [Fact]
    public void The_same_start_again_records_nothing_and_a_different_one_is_refused()
    {
        var started = Given.Nothing.And(D(2012, 3, 1), Start);
        started.When(D(2012, 3, 2), Start).ThenNothingNew();
        started.When(D(2012, 3, 2), Start with { Title = "Another plan" }).Refused(RefusalKind.WrongStage);
    }

    [Fact]
    public void A_run_needs_a_title()
    {
        var refusal = Given.Nothing.When(D(2012, 3, 1), Start with { Title = "  " }).Refused(RefusalKind.BreaksRule);
        Assert.Contains("needs a title", refusal.Reason);
    }

    [Fact]
    public void A_budget_run_needs_the_year_its_financial_year_starts()
    {
        var rules = new RunRules(ExecutiveArrangement.LeaderAndCabinet, VotingThreshold.SimpleMajority, IsBudget: true);
        var refusal = Given.Nothing.When(D(2013, 1, 7), new StartRun("Budget 2013-14", StageTemplates.Budget, rules)).Refused(RefusalKind.BreaksRule);
        Assert.Contains("11 March", refusal.Reason);
    }

    [Fact]
    public void Starting_warns_about_bodies_not_yet_registered()
    {
        var bodies = new Dictionary<string, Body>(Kit.Bodies);
        bodies.Remove("csp-executive");
        var accepted = Given.Nothing.When(D(2012, 3, 1), Start, bodies).Accepted();
        Assert.Contains(accepted.Warnings, w => w.StartsWith("No body \"csp-executive\" is registered yet"));
    }

    [Fact]
    public void The_default_insist_threshold_is_two_thirds_and_a_Leader_and_Cabinet_run_with_two_thirds_is_warned()
    {
        Assert.Equal(VotingThreshold.TwoThirdsOfPresentAndVoting, RunRules.ForPlan(ExecutiveArrangement.LeaderAndCabinet).InsistThreshold);
        var accepted = Given.Nothing.When(D(2012, 3, 1), Start with { Rules = RunRules.ForPlan(ExecutiveArrangement.LeaderAndCabinet) }).Accepted();
        Assert.Contains(accepted.Warnings, w => w.Contains("simple majority"));
        var simple = Given.Nothing.When(D(2012, 3, 1),
            Start with { Rules = RunRules.ForPlan(ExecutiveArrangement.LeaderAndCabinet, VotingThreshold.SimpleMajority) }).Accepted();
        Assert.Empty(simple.Warnings);
    }
}

public sealed class ScheduleMeetingTests
{
    private static Given Started() => Given.Nothing.And(D(2012, 3, 1),
        new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules));

    [Fact]
    public void A_meeting_is_scheduled_with_the_deadline_for_its_papers_five_clear_working_days_before()
    {
        // Wednesday 11 July 2012 needs 4, 5, 6, 9 and 10 July clear: papers by Tuesday 3 July 2012.
        Started().When(D(2012, 6, 19), new ScheduleMeeting("council", "full-council", D(2012, 7, 11), new LocalTime(19, 0), " Council Chamber "))
            .ThenEvents(new MeetingScheduled("council", "full-council", "full-council", D(2012, 7, 11), new LocalTime(19, 0), "Council Chamber", D(2012, 7, 3)));
    }

    [Fact]
    public void The_same_meeting_again_records_nothing_and_another_meeting_with_its_id_is_refused()
    {
        var given = Started().And(D(2012, 3, 1), new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20)));
        given.When(D(2012, 3, 2), new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20))).ThenNothingNew();
        var refusal = given.When(D(2012, 3, 2), new ScheduleMeeting("csp-1", "csp", D(2012, 3, 21))).Refused(RefusalKind.BreaksRule);
        Assert.StartsWith("Meeting \"csp-1\" is already on the schedule (Community Safety Partnership on 20 March 2012)", refusal.Reason);
    }

    [Fact]
    public void A_meeting_for_a_stage_the_run_does_not_have_is_refused()
    {
        var refusal = Started().When(D(2012, 3, 1), new ScheduleMeeting("hwb", "hwb", D(2012, 3, 20))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("no stage \"hwb\"", refusal.Reason);
    }

    [Fact]
    public void A_meeting_for_a_stage_that_has_already_decided_is_the_wrong_stage()
    {
        var given = Started()
            .And(D(2012, 3, 1), new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20)))
            .And(D(2012, 3, 20), new RecordStageApproval("csp-1", true));
        given.When(D(2012, 3, 21), new ScheduleMeeting("csp-2", "csp", D(2012, 4, 20))).Refused(RefusalKind.WrongStage);
    }

    [Fact]
    public void Meetings_of_later_stages_may_be_scheduled_ahead()
    {
        Started().When(D(2012, 3, 1), new ScheduleMeeting("council", "full-council", D(2012, 6, 18))).Single<MeetingScheduled>();
    }

    [Fact]
    public void Scheduling_too_late_to_publish_the_papers_in_time_is_warned_not_refused()
    {
        var accepted = Started().When(D(2012, 7, 5), new ScheduleMeeting("council", "full-council", D(2012, 7, 11))).Accepted();
        Assert.Contains("The papers for a meeting on 11 July 2012 had to be published by 3 July 2012 to give five clear working days.", accepted.Warnings);
    }

    [Fact]
    public void A_date_outside_the_calendars_years_is_refused()
    {
        Started().When(D(2012, 3, 1), new ScheduleMeeting("x", "csp", D(2150, 1, 1))).Refused(RefusalKind.BreaksRule);
    }
}

public sealed class CancelMeetingTests
{
    private static Given WithMeeting() => Given.Nothing
        .And(D(2012, 3, 1), new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules))
        .And(D(2012, 3, 1), new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20)));

    [Fact]
    public void Cancelling_a_meeting_records_the_reason_and_the_day()
    {
        WithMeeting().When(D(2012, 3, 5), new CancelMeeting("csp-1", "Not quorate expected "))
            .ThenEvents(new MeetingCancelled("csp-1", "Not quorate expected", D(2012, 3, 5)));
        var state = WithMeeting().After(D(2012, 3, 5), new CancelMeeting("csp-1", "Not quorate expected"));
        Assert.True(state.FindMeeting("csp-1")!.IsCancelled);
        Assert.DoesNotContain(state.Dates(), d => d.MeetingId == "csp-1");
        Assert.Equal(RunRole.DemocraticServices, state.NextStep!.FromRole);
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        WithMeeting().When(D(2012, 3, 5), new CancelMeeting("csp-1", "")).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void Cancelling_twice_with_the_same_reason_records_nothing()
    {
        WithMeeting().And(D(2012, 3, 5), new CancelMeeting("csp-1", "Moved"))
            .When(D(2012, 3, 6), new CancelMeeting("csp-1", "Moved")).ThenNothingNew();
    }

    [Fact]
    public void A_meeting_that_has_decided_cannot_be_cancelled()
    {
        WithMeeting().And(D(2012, 3, 20), new RecordStageApproval("csp-1", true))
            .When(D(2012, 3, 21), new CancelMeeting("csp-1", "Mistake")).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void No_decision_is_recorded_at_a_cancelled_meeting()
    {
        var refusal = WithMeeting().And(D(2012, 3, 5), new CancelMeeting("csp-1", "Moved"))
            .When(D(2012, 3, 20), new RecordStageApproval("csp-1", true)).Refused(RefusalKind.BreaksRule);
        Assert.Equal("The meeting on 20 March 2012 was cancelled (Moved).", refusal.Reason);
    }

    [Fact]
    public void An_unknown_meeting_cannot_be_cancelled()
    {
        WithMeeting().When(D(2012, 3, 5), new CancelMeeting("nope", "x")).Refused(RefusalKind.BreaksRule);
    }
}
