using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>
/// A budget run: named votes at every Cabinet and Full Council decision (SI 2014/165), and a warning, never a
/// refusal, when Council's decision would fall on or after 11 March before the financial year (LGFA 1992 s. 30(6)).
/// </summary>
public sealed class BudgetTests
{
    private static readonly Amendment Reserves = new(1, "Councillor Peter Golds", "Councillor Tim Archer", "Use £2m of reserves to keep the Street Services budget.");

    [Fact]
    public void Cabinet_records_its_budget_decision_by_named_vote()
    {
        var given = Given.Nothing
            .And(D(2013, 1, 7), new StartRun("Budget and Council Tax 2013-14", StageTemplates.Budget, RunRules.ForBudget(ExecutiveArrangement.DirectlyElectedMayor, 2013)))
            .And(D(2013, 1, 7), DraftPlan)
            .And(D(2013, 1, 30), new RecordConsultation(null, D(2013, 1, 30), [], "No recommendations were made."))
            .And(D(2013, 1, 7), new ScheduleMeeting("cabinet-2013-02-06", "cabinet", D(2013, 2, 6)));

        given.When(D(2013, 2, 6), new RecordCabinetDecision("cabinet-2013-02-06", CabinetDecision.Recommend)).Refused(RefusalKind.BreaksRule);
        var refusal = given.When(D(2013, 2, 6), new RecordCabinetDecision("cabinet-2013-02-06", CabinetDecision.Recommend, Votes(8, 1, 1))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("Cabinet must record this vote by name", refusal.Reason);
        given.When(D(2013, 2, 6), new RecordCabinetDecision("cabinet-2013-02-06", CabinetDecision.Recommend, Named("cabinet", 8, 1, 1))).Single<RecommendedToCouncil>();
    }

    [Fact]
    public void Full_Council_sets_the_budget_by_named_vote_and_every_name_must_be_a_councillor()
    {
        var given = BudgetAtCouncil(D(2013, 2, 27));
        given.When(D(2013, 2, 27), new AdoptPlan("council-budget", Votes(40, 20))).Refused(RefusalKind.BreaksRule);
        var stranger = Vote.FromNames(20, [.. Named("full-council", 19, 0).Named!, new NamedVote("cabinet-1", VoteChoice.For)]);
        var refusal = given.When(D(2013, 2, 27), new AdoptPlan("council-budget", stranger)).Refused(RefusalKind.BreaksRule);
        Assert.Contains("'cabinet-1' is not a member of Full Council", refusal.Reason);
        given.When(D(2013, 2, 27), new AdoptPlan("council-budget", Named("full-council", 40, 20))).Single<PlanAdopted>();
    }

    [Fact]
    public void A_Full_Council_meeting_on_or_after_11_March_is_warned_about_and_never_refused()
    {
        var given = BudgetAtCouncil(D(2013, 2, 27));
        var late = given.When(D(2013, 2, 1), new ScheduleMeeting("council-late", "full-council", D(2013, 3, 11))).Accepted();
        Assert.Equal(
            ["The council tax for the financial year starting 1 April 2013 must be set before 11 March 2013; Full Council deciding on 11 March 2013 would set it late (still valid, but late)."],
            late.Warnings);
        Assert.Empty(given.When(D(2013, 2, 1), new ScheduleMeeting("council-in-time", "full-council", D(2013, 3, 8))).Accepted().Warnings);
    }

    [Fact]
    public void A_referral_whose_period_pushes_the_final_decision_to_11_March_or_later_is_warned_about()
    {
        // Council on Monday 4 March 2013: period 5, 6, 7, 8 and 11 March; Council may decide from 12 March.
        var late = BudgetAtCouncil(D(2013, 3, 4))
            .When(D(2013, 3, 4), new ReferBackToExecutive("council-budget", Named("full-council", 35, 25), [Reserves])).Accepted();
        Assert.Equal(D(2013, 3, 12), late.Events.OfType<ReferredBackToExecutive>().Single().CouncilMayDecideFrom);
        Assert.Contains(late.Warnings, w => w.StartsWith("The council tax for the financial year starting 1 April 2013 must be set before 11 March 2013; Full Council deciding on 12 March 2013"));

        // Council on Wednesday 27 February 2013: Council may decide from 7 March, in time.
        var inTime = BudgetAtCouncil(D(2013, 2, 27))
            .When(D(2013, 2, 27), new ReferBackToExecutive("council-budget", Named("full-council", 35, 25), [Reserves])).Accepted();
        Assert.Empty(inTime.Warnings);
    }

    [Fact]
    public void The_budgets_dates_include_the_council_tax_deadline()
    {
        var dates = BudgetAtCouncil(D(2013, 2, 27)).State.Dates();
        Assert.Contains(dates, d => d.Kind == RunDateKind.CouncilTaxSettingDeadline && d.Date == D(2013, 3, 11));
    }

    [Fact]
    public void Insist_votes_and_the_final_vote_of_a_budget_are_named()
    {
        var given = BudgetAtCouncil(D(2013, 2, 27))
            .And(D(2013, 2, 27), new ReferBackToExecutive("council-budget", Named("full-council", 35, 25), [Reserves]))
            .And(D(2013, 2, 28), new ScheduleMeeting("council-2013-03-07", "full-council", D(2013, 3, 7)))
            .And(D(2013, 3, 4), new RecordExecutiveResponse(D(2013, 3, 4), [new AmendmentResponse(1, new ExecutiveResponse.NotAccepted("Reserves are at their minimum prudent level."))]));

        var refusal = given.When(D(2013, 3, 7), new RecordInsistVote("council-2013-03-07", 1, Votes(40, 20))).Refused(RefusalKind.BreaksRule);
        Assert.Contains("must record this vote by name", refusal.Reason);
        var insisted = given.And(D(2013, 3, 7), new RecordInsistVote("council-2013-03-07", 1, Named("full-council", 40, 20)));
        insisted.When(D(2013, 3, 7), new RecordFinalDecision("council-2013-03-07", Votes(40, 20))).Refused(RefusalKind.BreaksRule);
        var adopted = insisted.When(D(2013, 3, 7), new RecordFinalDecision("council-2013-03-07", Named("full-council", 40, 20))).Single<PlanAdopted>();
        Assert.Equal(AppliedBecause.InsistedOnByCouncil, Assert.Single(adopted.AmendmentsApplied).Because);
    }
}
