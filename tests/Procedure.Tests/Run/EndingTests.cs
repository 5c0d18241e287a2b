using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Withdrawal by the Executive, cancellation by Democratic Services, and ended runs that never change.</summary>
public sealed class EndingTests
{
    [Fact]
    public void The_Executive_may_withdraw_the_plan_at_any_stage_before_the_end()
    {
        foreach (var given in new[] { Seed001Started(), Seed000AtCouncil(), Seed000ReferredBack(), Seed000AtFinalMeeting() })
        {
            given.When(D(2012, 7, 5), new WithdrawPlan("A new plan will follow the Olympics."))
                .ThenEvents(new PlanWithdrawn("A new plan will follow the Olympics.", D(2012, 7, 5)));
        }
        var state = Seed000ReferredBack().After(D(2012, 6, 20), new WithdrawPlan(null));
        Assert.Equal(RunStatus.Withdrawn, state.Status);
        Assert.True(state.IsEnded);
        Assert.Null(state.NextStep);
    }

    [Fact]
    public void Cancelling_a_run_needs_a_reason()
    {
        var refusal = Seed000AtCouncil().When(D(2012, 6, 1), new CancelRun("  ")).Refused(RefusalKind.BreaksRule);
        Assert.Equal("Cancelling a run needs a reason: everyone involved reads it.", refusal.Reason);
        Seed000AtCouncil().When(D(2012, 6, 1), new CancelRun("Started twice by mistake"))
            .ThenEvents(new RunCancelled("Started twice by mistake", D(2012, 6, 1)));
    }

    public static TheoryData<RunCommand> EveryOtherCommand => new()
    {
        new StartRun("Another", StageTemplates.Budget, MayorsRules),
        new ScheduleMeeting("m", "full-council", D(2012, 8, 1)),
        new CancelMeeting(Council11July, "x"),
        new RecordStageApproval("csp-2012-03-20", false),
        new RecordConsultation(null, D(2012, 5, 11), [], "x"),
        new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.SendBack),
        new AdoptPlan(Council18June, Votes(40, 20)),
        new ReferBackToExecutive(Council18June, Votes(40, 20), [Seed000Amendment]),
        new RejectPlan(Council18June, Votes(20, 40)),
        new RecordExecutiveResponse(D(2012, 7, 4), [new AmendmentResponse(1, new ExecutiveResponse.Accepted())]),
        new EndReconsiderationPeriod(),
        new RecordInsistVote(Council11July, 1, Votes(40, 20)),
        new RecordFinalDecision(Council11July, Votes(40, 20)),
        new WithdrawPlan("Another reason"),
        new CancelRun("Another reason"),
    };

    [Theory]
    [MemberData(nameof(EveryOtherCommand))]
    public void An_ended_run_refuses_every_command_that_would_change_it(RunCommand command)
    {
        var cancelled = Seed000ReferredBack()
            .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)))
            .And(D(2012, 7, 5), new CancelRun("The Mayor asked for a new plan."));
        var refusal = cancelled.When(D(2012, 7, 12), command).Refused(RefusalKind.RunEnded);
        Assert.Equal("The run has ended: Democratic Services cancelled the run (The Mayor asked for a new plan.) on 5 July 2012. An ended run never changes.", refusal.Reason);
        Assert.Equal("Nothing: the run ended on 5 July 2012 (Democratic Services cancelled the run (The Mayor asked for a new plan.)).", refusal.Expected);
    }

    [Fact]
    public void The_command_that_ended_the_run_sent_again_records_nothing()
    {
        var withdrawn = Seed000AtCouncil().And(D(2012, 6, 10), new WithdrawPlan("Superseded"));
        withdrawn.When(D(2012, 6, 11), new WithdrawPlan("Superseded")).ThenNothingNew();
        var cancelled = Seed000AtCouncil().And(D(2012, 6, 10), new CancelRun("Duplicate"));
        cancelled.When(D(2012, 6, 11), new CancelRun("Duplicate")).ThenNothingNew();
        var adopted = Seed000AtCouncil().And(D(2012, 6, 18), new AdoptPlan(Council18June, Votes(40, 20)));
        adopted.When(D(2012, 6, 19), new AdoptPlan(Council18June, Votes(40, 20))).ThenNothingNew();
        adopted.When(D(2012, 6, 19), new AdoptPlan(Council18June, Votes(41, 19))).Refused(RefusalKind.RunEnded);
    }

    [Fact]
    public void The_end_is_on_the_runs_dates()
    {
        var state = Seed000AtCouncil().After(D(2012, 6, 18), new RejectPlan(Council18June, Votes(20, 40)));
        Assert.Equal(RunStatus.NotAdopted, state.Status);
        Assert.Contains(new RunDate(RunDateKind.RunEnded, D(2012, 6, 18), "The run ended on 18 June 2012: Council did not adopt the plan"), state.Dates());
    }
}
