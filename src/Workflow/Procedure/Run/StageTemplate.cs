using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>What kind of decision a stage takes, and so which command records it.</summary>
public enum StageKind
{
    /// <summary>A partnership board (e.g. the Community Safety Partnership) approves the draft.</summary>
    PartnershipBoard,

    /// <summary>The partnership's executive board (e.g. the CSP Executive) approves the draft.</summary>
    PartnershipExecutive,

    /// <summary>The Executive consults, including Overview and Scrutiny, and responds to its recommendations.</summary>
    ExecutiveConsultation,

    /// <summary>The Executive (the Mayor in Cabinet, or Leader and Cabinet) recommends the plan to Full Council or sends it back.</summary>
    Cabinet,

    /// <summary>Full Council adopts, refers back to the Executive, or does not adopt; and later takes its final decision.</summary>
    FullCouncil,
}

/// <summary>One stage of an approval run, decided by the body <paramref name="BodyId"/>.</summary>
public sealed record Stage(string Id, string Name, StageKind Kind, string BodyId);

/// <summary>
/// The ordered stages of an approval run. A council may add or drop stages before Council; every
/// valid template ends with exactly one <see cref="StageKind.Cabinet"/> stage followed by exactly one
/// <see cref="StageKind.FullCouncil"/> stage, and its stage ids are unique.
/// </summary>
public sealed record StageTemplate(string Name, IReadOnlyList<Stage> Stages)
{
    /// <summary>The stage with this id, or null.</summary>
    public Stage? FindStage(string stageId) => Stages.FirstOrDefault(s => s.Id == stageId);

    /// <summary>The position of the stage with this id, or -1.</summary>
    public int IndexOf(string stageId)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Id == stageId) return i;
        }
        return -1;
    }

    /// <summary>What makes this template unusable for a run; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("The stage template needs a name.");
        if (Stages is null || Stages.Count < 2)
        {
            problems.Add("A run needs at least a Cabinet stage followed by a Full Council stage.");
            return problems;
        }
        foreach (var stage in Stages)
        {
            if (string.IsNullOrWhiteSpace(stage.Id) || string.IsNullOrWhiteSpace(stage.Name) || string.IsNullOrWhiteSpace(stage.BodyId))
                problems.Add($"Every stage needs an id, a name and the body that decides it (stage '{stage.Id}', '{stage.Name}').");
        }
        foreach (var duplicate in Stages.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            problems.Add($"Stage id '{duplicate.Key}' is used {duplicate.Count()} times; stage ids must be unique.");
        var cabinets = Stages.Count(s => s.Kind == StageKind.Cabinet);
        var councils = Stages.Count(s => s.Kind == StageKind.FullCouncil);
        if (cabinets != 1) problems.Add($"A run has exactly one Cabinet stage; this template has {cabinets}.");
        if (councils != 1) problems.Add($"A run has exactly one Full Council stage; this template has {councils}.");
        if (Stages[^1].Kind != StageKind.FullCouncil || Stages[^2].Kind != StageKind.Cabinet)
            problems.Add("The stages must end with Cabinet and then Full Council.");
        return problems;
    }
}

/// <summary>The default stage templates (PROCEDURE.md, "The pipeline").</summary>
public static class StageTemplates
{
    public const string PartnershipPlanName = "partnership-plan";
    public const string BudgetName = "budget";

    private static readonly Stage ExecutiveConsultation = new(
        "executive-consultation", "Executive consultation, including Overview and Scrutiny", StageKind.ExecutiveConsultation, "overview-and-scrutiny");
    private static readonly Stage CabinetStage = new("cabinet", "Cabinet", StageKind.Cabinet, "cabinet");
    private static readonly Stage FullCouncilStage = new("full-council", "Full Council", StageKind.FullCouncil, "full-council");

    /// <summary>A partnership plan: CSP, CSP Executive, Executive consultation, Cabinet, Full Council.</summary>
    public static StageTemplate PartnershipPlan { get; } = new(PartnershipPlanName,
    [
        new Stage("csp", "Community Safety Partnership", StageKind.PartnershipBoard, "csp"),
        new Stage("csp-executive", "Community Safety Partnership Executive", StageKind.PartnershipExecutive, "csp-executive"),
        ExecutiveConsultation,
        CabinetStage,
        FullCouncilStage,
    ]);

    /// <summary>The annual budget: Executive consultation, Cabinet, Full Council.</summary>
    public static StageTemplate Budget { get; } = new(BudgetName, [ExecutiveConsultation, CabinetStage, FullCouncilStage]);

    /// <summary>The template named "partnership-plan" or "budget" (case-insensitive), or null.</summary>
    public static StageTemplate? Find(string name) => name?.Trim().ToLowerInvariant() switch
    {
        PartnershipPlanName => PartnershipPlan,
        BudgetName => Budget,
        _ => null,
    };
}
