using static ApprovalWorkflow.Procedure.Tests.Run.Kit;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Runs taken to a point, with the seeds' dates where the seeds give them.</summary>
internal static class Stories
{
    public const string Council18June = "council-2012-06-18";
    public const string Council22June = "council-2012-06-22";
    public const string Council11July = "council-2012-07-11";

    /// <summary>Seed 000, the amendment agreed on 18 June 2012 (moved by Cllr Abdal Ullah, seconded by Cllr Judith Gardiner).</summary>
    public static Amendment Seed000Amendment { get; } = new(1, "Councillor Abdal Ullah", "Councillor Judith Gardiner",
        "Delete the second bullet point on page 31 (\"Exploit the Mayor's role as a unifying figure via the Citizen Engagement Strategy\"); " +
        "delete \"through scrutiny and its role in the budget process\" from the third bullet point on page 31; " +
        "add a new page after page 3, \"Note from Tower Hamlets Councillors\".");

    public static RunRules MayorsRules { get; } = RunRules.ForPlan(ExecutiveArrangement.DirectlyElectedMayor);

    /// <summary>The SHA-256 of seed 003, the full Community Safety Partnership Plan (130,284 bytes), uploaded as a draft.</summary>
    public const string Seed003Sha256 = "376bbcc81b5eada8766c4ea50f4215f6762734cbac690ef25fe4bf2ae0830779";

    /// <summary>A draft plan uploaded to the run (seed 003's content): Cabinet and Council decide only on a plan the run holds.</summary>
    public static AddDocumentVersion DraftPlan { get; } =
        new(DocumentKind.DraftPlan, "run/draft-plan/seed-003", Seed003Sha256, 130_284, "text/plain; charset=utf-8", "003_a5c89fc4caa28a3d.txt");

    /// <summary>The draft plan as an adoption names it.</summary>
    public static DocumentRef AdoptedDraft { get; } = new(DocumentKind.DraftPlan, 1, Seed003Sha256);

    /// <summary>
    /// Seed 000 up to Full Council on Monday 18 June 2012: the Community Safety Plan 2012-13 with the default
    /// partnership-plan stages (the dates before Council are illustrative; the seed gives Council's).
    /// </summary>
    public static Given Seed000AtCouncil(RunRules? rules = null) => Given.Nothing
        .And(D(2012, 3, 1), new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, rules ?? MayorsRules))
        .And(D(2012, 3, 1), DraftPlan)
        .And(D(2012, 3, 1), new ScheduleMeeting("csp-2012-03-20", "csp", D(2012, 3, 20)))
        .And(D(2012, 3, 20), new RecordStageApproval("csp-2012-03-20", Approved: true))
        .And(D(2012, 3, 20), new ScheduleMeeting("csp-executive-2012-04-17", "csp-executive", D(2012, 4, 17)))
        .And(D(2012, 4, 17), new RecordStageApproval("csp-executive-2012-04-17", Approved: true))
        .And(D(2012, 5, 10), new RecordConsultation(null, D(2012, 5, 10), ["Include measurable targets."], "Targets are in the sub-group delivery plans."))
        .And(D(2012, 5, 10), new ScheduleMeeting("cabinet-2012-06-06", "cabinet", D(2012, 6, 6)))
        .And(D(2012, 6, 6), new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.Recommend))
        .And(D(2012, 6, 6), new ScheduleMeeting(Council18June, "full-council", D(2012, 6, 18), new LocalTime(19, 0), "Council Chamber, Mulberry Place"));

    /// <summary>The referral of 18 June 2012: instructions received that day, period 19-25 June, Council may decide from 26 June.</summary>
    public static ReferBackToExecutive Seed000Referral { get; } = new(Council18June, Votes(40, 18, 2), [Seed000Amendment]);

    public static Given Seed000ReferredBack(RunRules? rules = null) =>
        Seed000AtCouncil(rules).And(D(2012, 6, 18), Seed000Referral);

    /// <summary>Cabinet's reconsideration on 4 July 2012: the amendment not accepted, with the officers' reasons.</summary>
    public static RecordExecutiveResponse Seed000Response { get; } = new(D(2012, 7, 4),
        [new AmendmentResponse(1, new ExecutiveResponse.NotAccepted(
            "The plan is an overarching partnership plan setting priorities; detailed actions, targets and measures are in each CSP sub-group delivery plan."))],
        "The draft plan is resubmitted unchanged, with the reasons for disagreeing with the amendment.");

    /// <summary>Seed 000 with the Council meeting of 11 July 2012 on the schedule and Cabinet's response of 4 July recorded.</summary>
    public static Given Seed000AtFinalMeeting(RunRules? rules = null) => Seed000ReferredBack(rules)
        .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11), new LocalTime(19, 0)))
        .And(D(2012, 7, 4), Seed000Response);

    /// <summary>A run whose Full Council meeting on 18 June 2012 is on the schedule and whose response came within the period.</summary>
    public static Given Seed000WithInPeriodResponses(params AmendmentResponse[] responses) => Seed000ReferredBack()
        .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)))
        .And(D(2012, 6, 22), new RecordExecutiveResponse(D(2012, 6, 22), responses));

    /// <summary>Seed 001: the Community Safety Partnership Plan 2017-21; CSP approved on 16 May 2017, CSP Executive on 18 July 2017.</summary>
    public static Given Seed001Started() => Given.Nothing
        .And(D(2017, 5, 2), new StartRun("Community Safety Partnership Plan 2017-21", StageTemplates.PartnershipPlan, MayorsRules))
        .And(D(2017, 5, 2), DraftPlan)
        .And(D(2017, 5, 2), new ScheduleMeeting("csp-2017-05-16", "csp", D(2017, 5, 16)))
        .And(D(2017, 5, 2), new ScheduleMeeting("csp-executive-2017-07-18", "csp-executive", D(2017, 7, 18)));

    /// <summary>A budget run for the financial year starting 1 April 2013, up to Full Council on 27 February 2013.</summary>
    public static Given BudgetAtCouncil(LocalDate councilMeets) => Given.Nothing
        .And(D(2013, 1, 7), new StartRun("Budget and Council Tax 2013-14", StageTemplates.Budget,
            RunRules.ForBudget(ExecutiveArrangement.DirectlyElectedMayor, 2013)))
        .And(D(2013, 1, 7), DraftPlan)
        .And(D(2013, 1, 30), new RecordConsultation(null, D(2013, 1, 30), [], "No recommendations were made."))
        .And(D(2013, 1, 7), new ScheduleMeeting("cabinet-2013-02-06", "cabinet", D(2013, 2, 6)))
        .And(D(2013, 2, 6), new RecordCabinetDecision("cabinet-2013-02-06", CabinetDecision.Recommend, Named("cabinet", 8, 1, 1)))
        .And(D(2013, 1, 7), new ScheduleMeeting("council-budget", "full-council", councilMeets));
}
