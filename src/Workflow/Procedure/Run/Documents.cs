using System.Text.Json.Serialization;
using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The papers a run carries (PROCEDURE.md, "Documents"). In JSON and in URLs a kind is written in
/// kebab case: <c>draft-plan</c>, <c>cabinet-report</c>, ...
/// </summary>
public enum DocumentKind
{
    /// <summary>A version of the draft plan (or budget) as it goes through the stages.</summary>
    [JsonStringEnumMemberName("draft-plan")] DraftPlan,

    /// <summary>The report to Cabinet recommending the plan to Full Council.</summary>
    [JsonStringEnumMemberName("cabinet-report")] CabinetReport,

    /// <summary>Overview and Scrutiny's recommendations from the Executive's consultation.</summary>
    [JsonStringEnumMemberName("scrutiny-recommendations")] ScrutinyRecommendations,

    /// <summary>The text of the amendments Full Council agreed when it referred the plan back.</summary>
    [JsonStringEnumMemberName("council-amendments")] CouncilAmendments,

    /// <summary>The Executive's revised draft after reconsideration.</summary>
    [JsonStringEnumMemberName("executive-revised-draft")] ExecutiveRevisedDraft,

    /// <summary>The Executive's reasons for its changes, or for not accepting an amendment.</summary>
    [JsonStringEnumMemberName("executive-reasons")] ExecutiveReasons,

    /// <summary>The plan as Full Council adopted it.</summary>
    [JsonStringEnumMemberName("adopted-plan")] AdoptedPlan,

    /// <summary>The notice of Council's decision.</summary>
    [JsonStringEnumMemberName("decision-notice")] DecisionNotice,
}

/// <summary>Between <see cref="DocumentKind"/> and its kebab-case name.</summary>
public static class DocumentKinds
{
    static readonly IReadOnlyDictionary<DocumentKind, string> Names = new Dictionary<DocumentKind, string>
    {
        [DocumentKind.DraftPlan] = "draft-plan",
        [DocumentKind.CabinetReport] = "cabinet-report",
        [DocumentKind.ScrutinyRecommendations] = "scrutiny-recommendations",
        [DocumentKind.CouncilAmendments] = "council-amendments",
        [DocumentKind.ExecutiveRevisedDraft] = "executive-revised-draft",
        [DocumentKind.ExecutiveReasons] = "executive-reasons",
        [DocumentKind.AdoptedPlan] = "adopted-plan",
        [DocumentKind.DecisionNotice] = "decision-notice",
    };

    /// <summary>Every kind, in the order of the pipeline.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = Enum.GetValues<DocumentKind>();

    /// <summary>Every kind's name, in the order of the pipeline: "draft-plan, cabinet-report, ...".</summary>
    public static string NamesInWords => string.Join(", ", All.Select(Name));

    /// <summary>"draft-plan" for <see cref="DocumentKind.DraftPlan"/>.</summary>
    public static string Name(this DocumentKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a document kind.");

    /// <summary>The kind named <paramref name="name"/> (exactly its kebab-case name, in any letter case).</summary>
    public static bool TryParse(string? name, out DocumentKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// One version of one of the run's documents, as recorded: version <paramref name="Version"/> of
/// <paramref name="Kind"/> (numbered from 1 by the run, in the order recorded), its content in blob
/// <paramref name="BlobName"/>, whose SHA-256 (lower-case hex) and size in bytes are facts on the record.
/// </summary>
public sealed record DocumentVersion(
    DocumentKind Kind, int Version, string BlobName, string Sha256, long Size, string ContentType, string? FileName, LocalDate UploadedOn);

/// <summary>
/// Adds a version of a document whose content is already stored, complete, in blob <paramref name="BlobName"/>
/// with SHA-256 <paramref name="Sha256"/> (lower-case hex) and <paramref name="Size"/> bytes. The run numbers it.
/// </summary>
public sealed record AddDocumentVersion(
    DocumentKind Kind, string BlobName, string Sha256, long Size, string ContentType, string? FileName = null) : RunCommand;

/// <summary>Version <paramref name="Version"/> of a <paramref name="Kind"/> document was added on <paramref name="UploadedOn"/>.</summary>
public sealed record DocumentVersionAdded(
    DocumentKind Kind, int Version, string BlobName, string Sha256, long Size, string ContentType, string? FileName, LocalDate UploadedOn) : RunEvent;

/// <summary>A version of a document named by another event: its kind, number and SHA-256.</summary>
public sealed record DocumentRef(DocumentKind Kind, int Version, string Sha256);
