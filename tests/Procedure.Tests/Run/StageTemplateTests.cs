using static ApprovalWorkflow.Procedure.Tests.Run.Kit;

namespace ApprovalWorkflow.Procedure.Tests.Run;

public sealed class StageTemplateTests
{
    [Fact]
    public void The_partnership_plan_goes_CSP_CSP_Executive_consultation_Cabinet_Full_Council()
    {
        Assert.Equal(
            [("csp", StageKind.PartnershipBoard, "csp"),
             ("csp-executive", StageKind.PartnershipExecutive, "csp-executive"),
             ("executive-consultation", StageKind.ExecutiveConsultation, "overview-and-scrutiny"),
             ("cabinet", StageKind.Cabinet, "cabinet"),
             ("full-council", StageKind.FullCouncil, "full-council")],
            StageTemplates.PartnershipPlan.Stages.Select(s => (s.Id, s.Kind, s.BodyId)));
        Assert.Empty(StageTemplates.PartnershipPlan.Problems());
    }

    [Fact]
    public void The_budget_goes_consultation_Cabinet_Full_Council()
    {
        Assert.Equal(
            [StageKind.ExecutiveConsultation, StageKind.Cabinet, StageKind.FullCouncil],
            StageTemplates.Budget.Stages.Select(s => s.Kind));
        Assert.Empty(StageTemplates.Budget.Problems());
    }

    [Theory]
    [InlineData("partnership-plan", "partnership-plan")]
    [InlineData("budget", "budget")]
    [InlineData(" Budget ", "budget")]
    [InlineData("health-and-wellbeing", null)]
    public void Templates_are_found_by_name(string name, string? found) =>
        Assert.Equal(found, StageTemplates.Find(name)?.Name);

    private static readonly Stage Board = new("hwb", "Health and Wellbeing Board", StageKind.PartnershipBoard, "hwb");
    private static readonly Stage Cabinet = new("cabinet", "Cabinet", StageKind.Cabinet, "cabinet");
    private static readonly Stage Council = new("full-council", "Full Council", StageKind.FullCouncil, "full-council");

    public static TheoryData<string, Stage[], string> Invalid => new()
    {
        { "Full Council before Cabinet", [Board, Council, Cabinet], "The stages must end with Cabinet and then Full Council." },
        { "no Cabinet", [Board, Council], "A run has exactly one Cabinet stage; this template has 0." },
        { "two Cabinets", [Cabinet, Board, Cabinet with { Id = "cabinet-2" }, Council], "A run has exactly one Cabinet stage; this template has 2." },
        { "two Full Councils", [Council with { Id = "council-0" }, Cabinet, Council], "A run has exactly one Full Council stage; this template has 2." },
        { "a stage id used twice", [Board, Board with { Name = "Other board" }, Cabinet, Council], "Stage id 'hwb' is used 2 times; stage ids must be unique." },
        { "Full Council alone", [Council], "A run needs at least a Cabinet stage followed by a Full Council stage." },
        { "a stage without its body", [Board with { BodyId = "" }, Cabinet, Council], "Every stage needs an id, a name and the body that decides it (stage 'hwb', 'Health and Wellbeing Board')." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_custom_template_is_refused_when(string _, Stage[] stages, string problem)
    {
        var template = new StageTemplate("custom", stages);
        Assert.Contains(problem, template.Problems());

        var refusal = Given.Nothing
            .When(D(2024, 1, 8), new StartRun("Joint Health and Wellbeing Strategy", template, Stories.MayorsRules))
            .Refused(RefusalKind.BreaksRule);
        Assert.Contains(problem, refusal.Reason);
    }

    [Fact]
    public void A_council_may_add_a_Health_and_Wellbeing_Board_before_Cabinet_and_drop_the_partnership_stages()
    {
        var template = new StageTemplate("health-and-wellbeing-strategy", [Board, Cabinet, Council]);
        var bodies = new Dictionary<string, Body>(Kit.Bodies) { ["hwb"] = MakeBody("hwb", "Health and Wellbeing Board", 15, Quorum.OneQuarter) };

        var started = Given.Nothing.When(D(2024, 1, 8), new StartRun("Joint Health and Wellbeing Strategy 2024-29", template, Stories.MayorsRules), bodies)
            .Single<RunStarted>();
        Assert.Equal(template.Stages, started.Template.Stages);

        var state = Given.Events(started)
            .And(D(2024, 1, 8), new ScheduleMeeting("hwb-2024-01-23", "hwb", D(2024, 1, 23)))
            .After(D(2024, 1, 23), new RecordStageApproval("hwb-2024-01-23", Approved: true));
        Assert.Equal(StageKind.Cabinet, state.CurrentStage!.Kind);
    }
}
