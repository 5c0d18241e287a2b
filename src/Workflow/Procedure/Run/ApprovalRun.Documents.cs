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

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
