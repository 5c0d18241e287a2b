using System.Security.Cryptography;
using System.Text;
using ApprovalWorkflow.Procedure;
using NodaTime;

namespace ApprovalWorkflow.Documents;

/// <summary>
/// Publishes the decision notice of an adoption: when a decision adopts the plan, the notice
/// (<see cref="DecisionNotice.Text"/>) is stored in Blob storage first, and its version is added to the same
/// decision's events, so it is recorded in the same transaction as the adoption and never before its blob exists.
/// The blob is named by the notice's hash, so a retried activity stores nothing twice.
/// </summary>
public sealed class DecisionNotices(DocumentStore store)
{
    /// <summary><paramref name="decision"/>, with the decision notice's version added when it adopts the plan.</summary>
    public async Task<Decision> AddToAsync(string runId, RunState state, Decision decision, LocalDate today, CancellationToken cancellationToken)
    {
        if (decision is not Decision.Accepted accepted || accepted.Events.OfType<PlanAdopted>().FirstOrDefault() is not { } adoption)
        {
            return decision;
        }

        var adopted = accepted.Events.Aggregate(state, ApprovalRun.Apply);
        byte[] content = Encoding.UTF8.GetBytes(DecisionNotice.Text(adopted, adoption));
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        string blobName = DocumentStore.BlobName(runId, DocumentKind.DecisionNotice, "notice-" + sha256[..32]);
        string fileName = DecisionNotice.FileName(adoption);
        using var stream = new MemoryStream(content, writable: false);
        var stored = await store.StoreAsync(blobName, stream, DecisionNotice.ContentType, fileName, long.MaxValue, cancellationToken);
        if (stored is not StoreOutcome.Stored)
        {
            throw new InvalidOperationException($"Run {runId}: the decision notice could not be stored as {blobName} ({stored}).");
        }

        int version = adopted.Documents.Count(d => d.Kind == DocumentKind.DecisionNotice) + 1;
        var notice = new DocumentVersionAdded(
            DocumentKind.DecisionNotice, version, blobName, sha256, content.Length, DecisionNotice.ContentType, fileName, today);
        return accepted with { Events = [.. accepted.Events, notice] };
    }
}
