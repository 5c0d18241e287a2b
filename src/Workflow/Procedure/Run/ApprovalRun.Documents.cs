using System.Text.RegularExpressions;

namespace ApprovalWorkflow.Procedure;

public static partial class ApprovalRun
{
    /// <summary>
    /// A document version is accepted in any started run that has not ended; the run numbers it: one more
    /// than the versions of that kind already recorded. The same blob sent again (a retry) records nothing new,
    /// even after the end; a blob already recorded with another SHA-256 is refused, as is anything after the end.
    /// </summary>
    private static Decision AddDocument(RunState state, AddDocumentVersion c, DecisionContext context)
    {
        if (state.Documents.FirstOrDefault(d => d.BlobName == c.BlobName) is { } recorded)
        {
            return recorded.Sha256 == c.Sha256?.ToLowerInvariant() && recorded.Kind == c.Kind
                ? NothingNew
                : BreaksRule(state, $"The content stored as {c.BlobName} is already on the record as version {recorded.Version} of the {recorded.Kind.Name()} with another SHA-256; upload the new content as a new version.");
        }

        if (state.IsEnded) return Ended(state);
        if (string.IsNullOrWhiteSpace(c.BlobName))
            return BreaksRule(state, "A document version needs the name of the blob that holds its content.");
        if (c.Sha256 is null || !Sha256Hex().IsMatch(c.Sha256))
            return BreaksRule(state, "A document version needs the SHA-256 of its content as 64 hexadecimal digits.");
        if (c.Size <= 0)
            return BreaksRule(state, "A document version cannot be empty.");
        if (string.IsNullOrWhiteSpace(c.ContentType))
            return BreaksRule(state, "A document version needs its content type, such as application/pdf.");

        int version = state.Documents.Count(d => d.Kind == c.Kind) + 1;
        return Record(new DocumentVersionAdded(
            c.Kind, version, c.BlobName, c.Sha256.ToLowerInvariant(), c.Size, c.ContentType.Trim(),
            string.IsNullOrWhiteSpace(c.FileName) ? null : c.FileName.Trim(), context.Today));
    }

    private static RunState AddDocument(RunState state, DocumentVersionAdded e) =>
        state with
        {
            Documents = [.. state.Documents, new DocumentVersion(e.Kind, e.Version, e.BlobName, e.Sha256, e.Size, e.ContentType, e.FileName, e.UploadedOn)],
        };

    /// <summary>
    /// What the documents add to a decision the stages' rules accepted: Cabinet cannot recommend, nor Full Council
    /// decide on, a plan the run holds no draft of; and an adoption names the version adopted (the latest draft plan
    /// or revised draft on the record). A repeat (no events) and every refusal pass through unchanged.
    /// </summary>
    private static Decision WithDocuments(RunState state, Decision decision)
    {
        if (decision is not Decision.Accepted { Events.Count: > 0 } accepted) return decision;
        bool movesThePlan = accepted.Events.Any(e => e is RecommendedToCouncil or AmendmentAgreed or ReferredBackToExecutive
            or PlanAdopted { AfterReconsideration: false } or PlanNotAdopted { AfterReconsideration: false });
        if (movesThePlan && !state.Documents.Any(d => d.Kind == DocumentKind.DraftPlan))
        {
            string who = accepted.Events.Any(e => e is RecommendedToCouncil) ? "Cabinet cannot recommend" : "Full Council cannot decide on";
            return BreaksRule(state,
                $"{who} a plan the run holds no draft of: upload a draft plan first (a {DocumentKind.DraftPlan.Name()} document), then record the decision.");
        }

        if (!accepted.Events.Any(e => e is PlanAdopted)) return decision;
        var adopted = AdoptedVersion(state);
        return accepted with { Events = accepted.Events.Select(e => e is PlanAdopted p ? p with { AdoptedVersion = adopted } : e).ToList() };
    }

    /// <summary>The version Council adopts: the latest draft plan or Executive's revised draft on the record.</summary>
    public static DocumentRef? AdoptedVersion(RunState state) =>
        state.Documents.LastOrDefault(d => d.Kind is DocumentKind.DraftPlan or DocumentKind.ExecutiveRevisedDraft) is { } d
            ? new DocumentRef(d.Kind, d.Version, d.Sha256)
            : null;

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
