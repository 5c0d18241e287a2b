using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>
/// Seed 001: the Community Safety Partnership Plan 2017-21, approved by the CSP on 16 May 2017 and the CSP
/// Executive on 18 July 2017, recommended by the Mayor in Cabinet to Full Council, which adopts it.
/// (The seed gives the partnership dates; the Cabinet and Council dates here are illustrative.)
/// </summary>
public sealed class Seed001Tests
{
    [Fact]
    public void CSP_approves_on_16_May_2017()
    {
        Seed001Started()
            .When(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", Approved: true, Votes(14, 0, 1), "Approved the draft plan and its four priorities."))
            .ThenEvents(new StageApproved("csp", "csp-2017-05-16", D(2017, 5, 16), Votes(14, 0, 1), "Approved the draft plan and its four priorities."));
    }

    [Fact]
    public void CSP_Executive_approves_on_18_July_2017_and_the_run_moves_to_the_Executives_consultation()
    {
        var state = Seed001Started()
            .And(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", Approved: true))
            .After(D(2017, 7, 18), new RecordStageApproval("csp-executive-2017-07-18", Approved: true));

        Assert.Equal(StageKind.ExecutiveConsultation, state.CurrentStage!.Kind);
        Assert.Equal([new CompletedStage("csp", D(2017, 5, 16)), new CompletedStage("csp-executive", D(2017, 7, 18))], state.CompletedStages);
        Assert.Equal(RunRole.Clerk, state.NextStep!.FromRole);
    }

    [Fact]
    public void The_whole_run_CSP_CSP_Executive_consultation_Cabinet_recommends_and_Council_adopts()
    {
        var given = Seed001Started()
            .And(D(2017, 5, 16), new RecordStageApproval("csp-2017-05-16", Approved: true))
            .And(D(2017, 7, 18), new RecordStageApproval("csp-executive-2017-07-18", Approved: true))
            .And(D(2017, 9, 20), new RecordConsultation(null, D(2017, 9, 20),
                ["Reflect the borough's public consultation on community safety priorities."],
                "The plan's four priorities follow the 2016 public consultation and strategic assessment."))
            .And(D(2017, 9, 20), new ScheduleMeeting("cabinet-2017-10-31", "cabinet", D(2017, 10, 31)))
            .And(D(2017, 10, 31), new RecordCabinetDecision("cabinet-2017-10-31", CabinetDecision.Recommend, Notes: "Recommend that Full Council approve the plan."))
            .And(D(2017, 10, 31), new ScheduleMeeting("council-2017-11-22", "full-council", D(2017, 11, 22)));

        Assert.Equal(new ExpectedStep(
            "Record Full Council's decision on the plan (adopt it, refer it back to the Executive with amendments, or not adopt it) at its meeting on 22 November 2017",
            RunRole.Clerk, D(2017, 11, 22)), given.State.NextStep);

        given.When(D(2017, 11, 22), new AdoptPlan("council-2017-11-22", Votes(35, 4, 2)))
            .ThenEvents(new PlanAdopted("council-2017-11-22", D(2017, 11, 22), Votes(35, 4, 2), [], AfterReconsideration: false, AdoptedDraft));

        var adopted = given.After(D(2017, 11, 22), new AdoptPlan("council-2017-11-22", Votes(35, 4, 2)));
        Assert.Equal(RunStatus.Adopted, adopted.Status);
        Assert.True(adopted.IsEnded);
        Assert.Null(adopted.CurrentStage);
        Assert.Equal(
            [Motion.ApproveDraft, Motion.ApproveDraft, Motion.RecommendToCouncil, Motion.DecideOnPlan],
            adopted.Decisions.Select(d => d.Motion));
        Assert.Equal("the plan was adopted", adopted.OutcomeInWords);
    }
}
