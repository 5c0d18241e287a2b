using System.Security.Cryptography;
using System.Text;
using ApprovalWorkflow.Documents;
using ApprovalWorkflow.Orchestration;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Record;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace ApprovalWorkflow.Http;

/// <summary>
/// A run's documents: Democratic Services, the clerk and the Executive upload versions; anyone with a role
/// lists and reads them. The content goes to Blob storage first, streamed and hashed, and only a complete
/// blob is offered to the run, which numbers the version and puts it on the record.
/// </summary>
public static class DocumentsApi
{
    /// <summary>The types of document accepted: PDF, plain text, Markdown, HTML, Word (docx and doc) and OpenDocument text.</summary>
    public static readonly IReadOnlyDictionary<string, string> AcceptedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf",
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/html"] = ".html",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/msword"] = ".doc",
        ["application/vnd.oasis.opendocument.text"] = ".odt",
    };

    public static async Task<IResult> UploadDocument(HttpContext http, string runId, string kind)
    {
        var (caller, refused) = ApiRequests.Require(http, "upload a document", Role.DemocraticServices, Role.Clerk, Role.Executive);
        if (refused is not null) return refused;
        var (requestId, badKey) = ApiRequests.RequestId(http);
        if (badKey is not null) return badKey;
        if (!DocumentKinds.TryParse(kind, out var documentKind)) return UnknownKind(kind);
        var (contentType, badType) = ContentTypeOf(http.Request);
        if (badType is not null) return badType;
        var (fileName, badName) = FileNameOf(http.Request);
        if (badName is not null) return badName;

        long maxBytes = http.RequestServices.GetRequiredService<DocumentSettings>().MaxBytes;
        if (http.Request.ContentLength == 0) return EmptyBody();
        if (http.Request.ContentLength > maxBytes) return TooLarge(maxBytes, http.Request.ContentLength.Value);

        // The upload's id, and the id of the command that records it: from the Idempotency-Key when there is one,
        // so a retry finds the blob it wrote and the answer the run gave.
        string? key = http.Request.Headers.ContainsKey("Idempotency-Key") ? requestId : null;
        string uploadId = key is null
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"upload:{documentKind.Name()}:{key}")))[..32];
        string commandId = "document-" + uploadId;
        string blobName = DocumentStore.BlobName(runId, documentKind, uploadId);

        // Cheap refusals before any content is read: an unknown run, an ended one (unless this is a retry it answered).
        var record = http.RequestServices.GetRequiredService<RunRecord>();
        var rows = await record.LoadAsync(runId, http.RequestAborted);
        if (rows.Count == 0) return UnknownRun(runId);
        var state = RunEvents.Fold(rows);
        if (state.IsEnded && await record.FindRequestAsync(runId, commandId, http.RequestAborted) is null)
        {
            return Problems.WrongStage($"The run has ended ({state.OutcomeInWords}); an ended run never changes.", "Nothing more can be added to it.");
        }

        // The limit is ours to enforce, counted while streaming; the server's own default (30 MB) must not cut in first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var store = http.RequestServices.GetRequiredService<DocumentStore>();
        var stored = await store.StoreAsync(blobName, http.Request.Body, contentType!, fileName, maxBytes, http.RequestAborted);
        switch (stored)
        {
            case StoreOutcome.Empty:
                return EmptyBody();
            case StoreOutcome.TooLarge:
                return TooLarge(maxBytes, null);
            case StoreOutcome.DifferentContent:
                return Problems.Unprocessable("This Idempotency-Key was used for other content",
                    $"An upload of a {documentKind.Name()} with this Idempotency-Key stored different content. Send a new Idempotency-Key to upload a new version.");
        }

        var (sha256, size, _) = (StoreOutcome.Stored)stored;

        // From here the blob is complete: send its command even if the caller goes away, so it gets its record row.
        var sender = RunCommandSender.For(http);
        var command = new AddDocumentVersion(documentKind, blobName, sha256, size, contentType!, fileName);
        var sent = await sender.SendAsync(runId, commandId, caller!.Name, command, CancellationToken.None);
        switch (sent)
        {
            case SendOutcome.Answered { Outcome.Accepted: true } answered:
                var after = await record.LoadAsync(runId, CancellationToken.None);
                var version = RunEvents.Fold(after).Documents.FirstOrDefault(d => d.BlobName == blobName);
                if (version is null)
                {
                    return Problems.Conflict("The upload is not on the record",
                        $"The run answered request {commandId} without recording {blobName}. Upload again with a new Idempotency-Key.");
                }

                http.Response.Headers.Location = HrefOf(runId, version);
                http.Response.Headers["X-Request-Id"] = answered.Outcome.RequestId;
                return TypedResults.Json(VersionView.From(runId, version, Uploads(after)), ProcedureJson.Options, statusCode: StatusCodes.Status201Created);
            case SendOutcome.Answered { Outcome: var refusal }:
                await store.DeleteUnrecordedAsync(blobName, CancellationToken.None);
                return refusal.RefusalKind == nameof(RefusalKind.BreaksRule)
                    ? Problems.BreaksRule(refusal.Reason ?? "", refusal.Expected ?? "")
                    : Problems.WrongStage(refusal.Reason ?? "", refusal.Expected ?? "");
            case SendOutcome.Pending pending:
                // The run is busy; the blob waits for its record row, which the run writes when it decides.
                string location = $"/api/runs/{runId}/requests/{pending.RequestId}";
                http.Response.Headers.Location = location;
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Json(new { status = "pending", runId, requestId = pending.RequestId, location }, statusCode: StatusCodes.Status202Accepted);
            case SendOutcome.Ended ended:
                await store.DeleteUnrecordedAsync(blobName, CancellationToken.None);
                return Problems.WrongStage($"The run has ended ({ended.State.OutcomeInWords}); an ended run never changes.", "Nothing more can be added to it.");
            default:
                await store.DeleteUnrecordedAsync(blobName, CancellationToken.None);
                return UnknownRun(runId);
        }
    }

    public static async Task<IResult> ListDocuments(HttpContext http, string runId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "list a run's documents");
        if (refused is not null) return refused;
        var rows = await http.RequestServices.GetRequiredService<RunRecord>().LoadAsync(runId, http.RequestAborted);
        if (rows.Count == 0) return UnknownRun(runId);
        var state = RunEvents.Fold(rows);
        var uploads = Uploads(rows);
        var adopted = rows.Where(r => r.Type == "plan-adopted").Select(r => (RunEvents.Deserialize(r) as PlanAdopted)?.AdoptedVersion).LastOrDefault();
        var documents = DocumentKinds.All.Select(kind =>
        {
            var versions = state.Documents.Where(d => d.Kind == kind)
                .Select(d => VersionView.From(runId, d, uploads) with { Adopted = adopted is { } a && a.Kind == d.Kind && a.Version == d.Version })
                .ToList();
            return new KindView(kind.Name(), versions.Count == 0 ? null : versions[^1].Version, versions);
        });
        return TypedResults.Json(new { runId, documents }, ProcedureJson.Options);
    }

    /// <summary>
    /// One version's content, streamed, with its SHA-256 as the ETag and as <c>Repr-Digest</c>; answers
    /// <c>Range</c> (206, or 416 when unsatisfiable) and <c>If-None-Match</c> (304). <paramref name="version"/> may be "latest".
    /// </summary>
    public static async Task<IResult> GetDocument(HttpContext http, string runId, string kind, string version)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "read a run's documents");
        if (refused is not null) return refused;
        if (!DocumentKinds.TryParse(kind, out var documentKind)) return UnknownKind(kind);
        int? number = null;
        if (!string.Equals(version, "latest", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                return Problems.Malformed($"'{version}' is not a version: give a version number (1, 2, ...) or \"latest\".");
            }

            number = n;
        }

        var rows = await http.RequestServices.GetRequiredService<RunRecord>().LoadAsync(runId, http.RequestAborted);
        if (rows.Count == 0) return UnknownRun(runId);
        var versions = RunEvents.Fold(rows).Documents.Where(d => d.Kind == documentKind).ToList();
        var document = number is int wanted ? versions.FirstOrDefault(d => d.Version == wanted) : versions.LastOrDefault();
        if (document is null)
        {
            return Problems.NotFound("document version", versions.Count == 0
                ? $"The run has no {documentKind.Name()} yet. List its documents with GET /api/runs/{runId}/documents."
                : $"The run's {documentKind.Name()} has versions 1 to {versions.Count}; there is no version {version}.");
        }

        var content = await http.RequestServices.GetRequiredService<DocumentStore>().OpenReadAsync(document.BlobName, http.RequestAborted);
        if (content is null)
        {
            return Problems.Unavailable($"Version {document.Version} of the {documentKind.Name()} is on the record but its content cannot be read from storage; tell the system's administrators.");
        }

        string digest = Convert.ToBase64String(Convert.FromHexString(document.Sha256));
        var headers = http.Response.Headers;
        headers["Repr-Digest"] = $"sha-256=:{digest}:";
        headers["Digest"] = $"sha-256={digest}";
        headers.XContentTypeOptions = "nosniff";
        // A version never changes: a reader's own cache may keep it, no shared cache may (the reader had to show a role).
        headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.Stream(content, document.ContentType, DownloadName(document), lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>A version as the API shows it, with who uploaded it and when (from its row on the record).</summary>
    public sealed record VersionView(
        string Kind, int Version, long Size, string ContentType, string Sha256, string? FileName,
        string? UploadedBy, DateTimeOffset? UploadedAt, LocalDate UploadedOn, string Href)
    {
        /// <summary>True for the version Full Council adopted.</summary>
        public bool Adopted { get; init; }

        internal static VersionView From(string runId, DocumentVersion d, IReadOnlyDictionary<string, RecordedEvent> uploads)
        {
            uploads.TryGetValue(d.BlobName, out var row);
            return new(d.Kind.Name(), d.Version, d.Size, d.ContentType, d.Sha256, d.FileName, row?.Actor, row?.RecordedAt, d.UploadedOn, HrefOf(runId, d));
        }
    }

    /// <summary>One kind of document and its versions, oldest first; <paramref name="Latest"/> is null when there is none.</summary>
    public sealed record KindView(string Kind, int? Latest, IReadOnlyList<VersionView> Versions);

    static string HrefOf(string runId, DocumentVersion d) => $"/api/runs/{runId}/documents/{d.Kind.Name()}/{d.Version}";

    /// <summary>The record rows of the document versions, by blob name: who uploaded each and when it was recorded.</summary>
    static Dictionary<string, RecordedEvent> Uploads(IReadOnlyList<RecordedEvent> rows)
    {
        var uploads = new Dictionary<string, RecordedEvent>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Type == "document-version-added"))
        {
            if (RunEvents.Deserialize(row) is DocumentVersionAdded added)
            {
                uploads[added.BlobName] = row;
            }
        }

        return uploads;
    }

    static string DownloadName(DocumentVersion d) =>
        d.FileName ?? $"{d.Kind.Name()}-v{d.Version}{(AcceptedTypes.TryGetValue(MediaType(d.ContentType), out var ext) ? ext : "")}";

    static string MediaType(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value ?? "" : contentType;

    static (string? ContentType, IResult? Refused) ContentTypeOf(HttpRequest request)
    {
        string accepted = string.Join(", ", AcceptedTypes.Keys);
        var extensions = new Dictionary<string, object?> { ["accepted"] = AcceptedTypes.Keys.ToArray() };
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType($"Send the document's type in the Content-Type header: one of {accepted}.", extensions));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) || !AcceptedTypes.ContainsKey(parsed.MediaType.Value ?? ""))
        {
            return (null, Problems.UnsupportedMediaType(
                $"Documents of type '{request.ContentType}' are not accepted. Send one of {accepted}.", extensions));
        }

        // Kept as sent (with its charset, if any), with the media type in lower case.
        parsed.MediaType = parsed.MediaType.Value!.ToLowerInvariant();
        return (parsed.ToString(), null);
    }

    /// <summary>The optional X-File-Name header: a file name (percent-encoded UTF-8 if not ASCII), without any folders.</summary>
    static (string? FileName, IResult? Refused) FileNameOf(HttpRequest request)
    {
        string raw = request.Headers["X-File-Name"].ToString().Trim();
        if (raw.Length == 0) return (null, null);
        string name = Uri.UnescapeDataString(raw);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length is 0 or > 255 || name.Any(char.IsControl) || name is "." or "..")
        {
            return (null, Problems.Malformed(
                "X-File-Name must be a file name of 1 to 255 characters, without control characters; percent-encode (UTF-8) a name that is not ASCII."));
        }

        return (name, null);
    }

    static IResult UnknownKind(string kind) =>
        Problems.Malformed($"'{kind}' is not a kind of document. The kinds are: {DocumentKinds.NamesInWords}.",
            new Dictionary<string, object?> { ["kinds"] = DocumentKinds.All.Select(k => k.Name()).ToArray() });

    static IResult EmptyBody() =>
        Problems.Malformed("The body is empty: send the document's content as the request body, with its Content-Type.");

    static IResult TooLarge(long maxBytes, long? sent) =>
        Problems.TooLarge((sent is long n ? $"The document is {n:N0} bytes; " : "The document is larger than the limit; ") +
            $"the largest accepted is {maxBytes:N0} bytes ({maxBytes / (1024.0 * 1024):0.#} MB). Compress it or split it into parts.");

    static IResult UnknownRun(string runId) =>
        Problems.NotFound("run", $"There is no approval run '{runId}'. List the runs with GET /api/runs.");
}
