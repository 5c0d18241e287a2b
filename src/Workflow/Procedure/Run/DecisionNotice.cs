using System.Text;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The notice of Full Council's decision to adopt a plan, as plain text: the plan, the meeting, the version
/// adopted (kind, number and SHA-256), the amendments applied with their wording, and every vote Council
/// recorded on the plan. Made from the run's state once the adoption is applied, so the same record always
/// gives the same notice, byte for byte.
/// </summary>
public static class DecisionNotice
{
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>The notice of <paramref name="adoption"/>, from <paramref name="adopted"/>: the state with the adoption applied.</summary>
    public static string Text(RunState adopted, PlanAdopted adoption)
    {
        ArgumentNullException.ThrowIfNull(adopted);
        ArgumentNullException.ThrowIfNull(adoption);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("DECISION NOTICE");
        Line();
        Line(adopted.Title);
        Line();
        Line($"Full Council adopted the plan at its meeting on {ClerkText.Date(adoption.AdoptedOn)} (meeting \"{adoption.MeetingId}\")" +
            (adoption.AfterReconsideration ? ", after the Executive's reconsideration." : ", as proposed."));
        Line();
        Line("The version adopted");
        Line(adoption.AdoptedVersion is { } version
            ? $"  {version.Kind.Name()}, version {version.Version}, SHA-256 {version.Sha256}" +
              (adopted.Documents.FirstOrDefault(d => d.Kind == version.Kind && d.Version == version.Version)?.FileName is { } name ? $" (\"{name}\")" : "")
            : "  No draft plan is on the record.");
        Line();
        Line("Amendments applied");
        if (adoption.AmendmentsApplied.Count == 0)
        {
            Line("  None: the plan was adopted without amendments.");
        }

        foreach (var applied in adoption.AmendmentsApplied)
        {
            var moved = adopted.FindAmendment(applied.Number)?.Amendment;
            Line($"  Amendment {applied.Number}, {Because(applied.Because)}" +
                (moved is null ? ":" : $" (moved by {moved.Mover}, seconded by {moved.Seconder}):"));
            foreach (var wording in applied.Text.Split('\n'))
            {
                Line("    " + wording.TrimEnd('\r'));
            }
        }

        var notApplied = adopted.Amendments.Where(a => adoption.AmendmentsApplied.All(x => x.Number != a.Number)).ToList();
        if (notApplied.Count > 0)
        {
            Line();
            Line("Amendments not applied");
            foreach (var amendment in notApplied)
            {
                Line($"  Amendment {amendment.Number}: not accepted by the Executive" +
                    (amendment.Insist is { } insist ? $", and Council did not insist on it: {ClerkText.Counts(insist.Vote)}, short of {insist.ThresholdName}." : "."));
            }
        }

        var council = adopted.FullCouncilStage?.Id;
        var votes = adopted.Decisions.Where(d => d.StageId == council && d.Vote is not null).ToList();
        Line();
        Line("Votes");
        foreach (var decision in votes)
        {
            Line($"  {ClerkText.Date(decision.DecidedOn)}, {Motion(decision)}: {Outcome(decision.Outcome)}, {ClerkText.Counts(decision.Vote!)}.");
            foreach (var named in decision.Vote!.Named ?? [])
            {
                Line($"    {named.MemberId}: {named.Choice}");
            }
        }

        return text.ToString();
    }

    /// <summary>The notice's file name: "decision-notice-2012-07-11.txt".</summary>
    public static string FileName(PlanAdopted adoption) =>
        $"decision-notice-{adoption.AdoptedOn.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.txt";

    static string Because(AppliedBecause because) => because switch
    {
        AppliedBecause.AcceptedByExecutive => "accepted by the Executive",
        AppliedBecause.AcceptedWithModification => "accepted by the Executive with modification, as worded below",
        AppliedBecause.InsistedOnByCouncil => "insisted on by Council",
        _ => because.ToString(),
    };

    static string Motion(RecordedDecision decision) => decision.Motion switch
    {
        Procedure.Motion.DecideOnPlan => "the decision on the plan",
        Procedure.Motion.InsistOnAmendment => $"insisting on amendment {decision.AmendmentNumber}",
        Procedure.Motion.AdoptRevisedPlan => "adopting the plan after reconsideration",
        _ => decision.Motion.ToString(),
    };

    static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReferredBack => "referred back to the Executive",
        DecisionOutcome.NotAdopted => "not adopted",
        DecisionOutcome.NotInsisted => "not insisted on",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
