using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;

namespace ApprovalWorkflow.SystemTests;

[CollectionDefinition(nameof(DocumentsCollection))]
public sealed class DocumentsCollection : ICollectionFixture<SystemFixture>;

/// <summary>
/// Documents through every layer: the content streamed to Blob storage and hashed, the version numbered by the
/// run and put on its record, read back byte for byte by a member, with ranges and conditional requests.
/// The seeds are real council papers: 003 and 004 full plans, 000 the Cabinet report of the 2012 referral.
/// </summary>
[Collection(nameof(DocumentsCollection))]
public sealed class DocumentsTests(SystemFixture system, ITestOutputHelper output)
{
    const string Text = "text/plain; charset=utf-8";

    [Fact]
    public async Task A_draft_plan_and_its_second_version_are_numbered_and_on_the_record_with_their_hashes()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] first = DocumentSeeds.Bytes("003"), second = DocumentSeeds.Bytes("004"), report = DocumentSeeds.Bytes("000");

        var (status, v1, response) = await ds.Upload(runId, "draft-plan", first, Text, fileName: "CSP Plan 2017-21 draft.txt");
        Assert.True(status == HttpStatusCode.Created, $"{status} {v1}");
        Assert.Equal(1, v1!["version"]!.GetValue<int>());
        Assert.Equal(Sha256(first), v1["sha256"]!.GetValue<string>());
        Assert.Equal(first.Length, v1["size"]!.GetValue<long>());
        Assert.Equal($"/api/runs/{runId}/documents/draft-plan/1", response.Headers.Location!.ToString());

        var (status2, v2, _) = await system.Client(Keys.Executive).Upload(runId, "draft-plan", second, Text);
        Assert.Equal(HttpStatusCode.Created, status2);
        Assert.Equal(2, v2!["version"]!.GetValue<int>());
        var (status3, r1, _) = await system.Client(Keys.Clerk).Upload(runId, "cabinet-report", report, Text, fileName: "Cabinet 4 July 2012.txt");
        Assert.Equal(HttpStatusCode.Created, status3);
        Assert.Equal(1, r1!["version"]!.GetValue<int>());

        var (listStatus, list) = await system.Client(Keys.Member).Get($"api/runs/{runId}/documents");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var kinds = list!["documents"]!.AsArray();
        Assert.Equal(["draft-plan", "cabinet-report", "scrutiny-recommendations", "council-amendments", "executive-revised-draft",
            "executive-reasons", "adopted-plan", "decision-notice"], kinds.Select(k => k!["kind"]!.GetValue<string>()));
        var drafts = kinds[0]!["versions"]!.AsArray();
        Assert.Equal(2, kinds[0]!["latest"]!.GetValue<int>());
        Assert.Equal([1, 2], drafts.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal([Sha256(first), Sha256(second)], drafts.Select(v => v!["sha256"]!.GetValue<string>()));
        Assert.Equal(["Democratic Services (local)", "The Executive (local)"], drafts.Select(v => v!["uploadedBy"]!.GetValue<string>()));
        Assert.Equal("CSP Plan 2017-21 draft.txt", drafts[0]!["fileName"]!.GetValue<string>());
        Assert.Equal("text/plain; charset=utf-8", drafts[0]!["contentType"]!.GetValue<string>());
        Assert.True(drafts[0]!["uploadedAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("Committee clerk (local)", kinds[1]!["versions"]![0]!["uploadedBy"]!.GetValue<string>());
        Assert.Empty(kinds[2]!["versions"]!.AsArray());

        // On the record: one event per version, with its hash, who uploaded it and from which request.
        var (_, timeline) = await system.Client(Keys.Member).Get($"api/runs/{runId}/timeline");
        var added = timeline!["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "document-version-added").ToList();
        Assert.Equal(3, added.Count);
        Assert.Equal(Sha256(second), added[1]!["event"]!["sha256"]!.GetValue<string>());
        Assert.Equal(2, added[1]!["event"]!["version"]!.GetValue<int>());
        Assert.Equal("The Executive (local)", added[1]!["actor"]!.GetValue<string>());

        // Each version is its own blob, with its hash as metadata: nothing was overwritten.
        var blobs = await Blobs(runId);
        Assert.Equal(3, blobs.Count);
        Assert.Equal(3, blobs.Select(b => b.Metadata["sha256"]).Distinct().Count());
    }

    [Fact]
    public async Task The_same_content_with_the_same_idempotency_key_is_one_version_and_other_content_with_it_is_refused()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Plan 2012-13");
        byte[] plan = DocumentSeeds.Bytes("003");
        string key = Guid.NewGuid().ToString();

        var first = await ds.Upload(runId, "draft-plan", plan, Text, key);
        var again = await ds.Upload(runId, "draft-plan", plan, Text, key);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(1, again.Body!["version"]!.GetValue<int>());

        // Two at once with a new key: still one version.
        string key2 = Guid.NewGuid().ToString();
        var both = await Task.WhenAll(
            ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("004"), Text, key2),
            system.Client(Keys.DemocraticServices).Upload(runId, "draft-plan", DocumentSeeds.Bytes("004"), Text, key2));
        Assert.All(both, b => Assert.Equal(HttpStatusCode.Created, b.Status));
        Assert.All(both, b => Assert.Equal(2, b.Body!["version"]!.GetValue<int>()));

        var (status, problem, _) = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("000"), Text, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Idempotency-Key", problem!["detail"]!.GetValue<string>());

        // Different content without a key is simply a new version.
        var third = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("000"), Text);
        Assert.Equal(3, third.Body!["version"]!.GetValue<int>());

        var (_, list) = await ds.Get($"api/runs/{runId}/documents");
        Assert.Equal(3, list!["documents"]![0]!["versions"]!.AsArray().Count);
        Assert.Equal(3, (await Blobs(runId)).Count);
    }

    [Fact]
    public async Task A_member_downloads_a_version_byte_for_byte_with_its_hash_as_etag_and_digest()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] plan = DocumentSeeds.Bytes("003");
        await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("004"), Text);
        await ds.Upload(runId, "draft-plan", plan, Text, fileName: "Community Safety Plan 2017–21.txt");

        var member = system.Client(Keys.Member);
        foreach (string version in new[] { "2", "latest" })
        {
            using var response = await member.GetAsync($"api/runs/{runId}/documents/draft-plan/{version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(plan, body);
            string sha = Sha256(plan);
            Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(plan))}:", response.Headers.GetValues("Repr-Digest").Single());
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal(plan.Length, response.Content.Headers.ContentLength);
            Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
            Assert.Equal("Community Safety Plan 2017–21.txt", response.Content.Headers.ContentDisposition!.FileNameStar);
        }

        using var first = await member.GetAsync($"api/runs/{runId}/documents/draft-plan/1");
        Assert.Equal(DocumentSeeds.Bytes("004"), await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("draft-plan-v1.txt", first.Content.Headers.ContentDisposition!.FileName!.Trim('"'));

        var (missing, problem) = await member.Get($"api/runs/{runId}/documents/draft-plan/3");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("versions 1 to 2", problem!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Get($"api/runs/{runId}/documents/draft-plan/two")).Status);
    }

    [Fact]
    public async Task A_range_request_returns_the_slice_and_an_unsatisfiable_one_416()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] plan = DocumentSeeds.Bytes("003");
        await ds.Upload(runId, "draft-plan", plan, Text);
        var member = system.Client(Keys.Member);
        string path = $"api/runs/{runId}/documents/draft-plan/1";

        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Range = new RangeHeaderValue(1000, 4999);
            using var response = await member.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(plan[1000..5000], await response.Content.ReadAsByteArrayAsync());
            Assert.Equal($"bytes 1000-4999/{plan.Length}", response.Content.Headers.ContentRange!.ToString());
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(plan))}:", response.Headers.GetValues("Repr-Digest").Single());
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Range = new RangeHeaderValue(null, 500);
            using var response = await member.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(plan[^500..], await response.Content.ReadAsByteArrayAsync());
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Range = new RangeHeaderValue(plan.Length + 10, null);
            using var response = await member.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
            Assert.Equal($"bytes */{plan.Length}", response.Content.Headers.ContentRange!.ToString());
        }
    }

    [Fact]
    public async Task If_none_match_with_the_hash_answers_304()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] plan = DocumentSeeds.Bytes("004");
        await ds.Upload(runId, "draft-plan", plan, Text);
        var member = system.Client(Keys.Member);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/runs/{runId}/documents/draft-plan/1");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Sha256(plan)}\""));
        using var response = await member.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, $"api/runs/{runId}/documents/draft-plan/1");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Sha256(DocumentSeeds.Bytes("003"))}\""));
        using var changed = await member.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Refused_uploads_get_problem_details_and_leave_no_blob()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] plan = DocumentSeeds.Bytes("004");

        var empty = await ds.Upload(runId, "draft-plan", [], Text);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("empty", empty.Body!["detail"]!.GetValue<string>());

        var kind = await ds.Upload(runId, "draft-budget", plan, Text);
        Assert.Equal(HttpStatusCode.BadRequest, kind.Status);
        Assert.Contains("draft-plan, cabinet-report, scrutiny-recommendations", kind.Body!["detail"]!.GetValue<string>());
        Assert.Equal(8, kind.Body["kinds"]!.AsArray().Count);

        var type = await ds.Upload(runId, "draft-plan", plan, "image/png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, type.Status);
        Assert.Contains("application/pdf", type.Body!["detail"]!.GetValue<string>());
        Assert.Equal(7, type.Body["accepted"]!.AsArray().Count);

        var member = await system.Client(Keys.Member).Upload(runId, "draft-plan", plan, Text);
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);

        var unknown = await ds.Upload("run-0000000000000000", "draft-plan", plan, Text);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Empty(await Blobs("run-0000000000000000"));

        var (listStatus, list) = await system.Client(Keys.Member).Get($"api/runs/{runId}/documents");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.All(list!["documents"]!.AsArray(), k => Assert.Empty(k!["versions"]!.AsArray()));
        Assert.Empty(await Blobs(runId));

        Assert.Equal(HttpStatusCode.NotFound, (await system.Client(Keys.Member).Get("api/runs/run-0000000000000000/documents")).Status);
    }

    [Fact]
    public async Task An_ended_run_takes_no_more_documents_but_its_documents_stay_readable()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        byte[] plan = DocumentSeeds.Bytes("004");
        Assert.Equal(HttpStatusCode.Created, (await ds.Upload(runId, "draft-plan", plan, Text)).Status);
        var (cancelled, _, _) = await ds.Post($"api/runs/{runId}/cancellation", new { reason = "Superseded by the 2018 plan" });
        Assert.Equal(HttpStatusCode.OK, cancelled);

        var refused = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("003"), Text);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("ended", refused.Body!["detail"]!.GetValue<string>());
        Assert.Single(await Blobs(runId));

        using var response = await system.Client(Keys.Member).GetAsync($"api/runs/{runId}/documents/draft-plan/1");
        Assert.Equal(plan, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Cabinet_and_Council_decide_only_on_an_uploaded_draft_and_the_adoption_names_the_version_adopted()
    {
        var ds = system.Client(Keys.DemocraticServices);
        var clerk = system.Client(Keys.Clerk);
        await Council.RegisterTowerHamlets(ds);
        string runId = await ds.StartRun("Community Safety Plan 2012-13", extra: new
        {
            stages = new object[]
            {
                new { id = "cabinet", name = "Cabinet", kind = "Cabinet", bodyId = "cabinet" },
                new { id = "full-council", name = "Full Council", kind = "FullCouncil", bodyId = "full-council" },
            },
        });
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-2012-06-06", stageId = "cabinet", date = "2012-06-06" }).Ok();

        var (status, problem, _) = await clerk.Post($"api/runs/{runId}/meetings/cabinet-2012-06-06/cabinet-decision", new { decision = "Recommend" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("upload a draft plan first", problem!["detail"]!.GetValue<string>());

        await ds.UploadDraftPlan(runId, "004");
        await ds.UploadDraftPlan(runId, "003");
        await clerk.Post($"api/runs/{runId}/meetings/cabinet-2012-06-06/cabinet-decision", new { decision = "Recommend" }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2012-06-18", stageId = "full-council", date = "2012-06-18" }).Ok();
        var adopted = await clerk.Post($"api/runs/{runId}/meetings/council-2012-06-18/council-decision",
            new { outcome = "adopt", vote = Council.Counts(48, 30, 18) }).Ok();
        Assert.Equal("Adopted", adopted["status"]!.GetValue<string>());

        var (_, timeline) = await system.Client(Keys.Member).Get($"api/runs/{runId}/timeline");
        var adoption = timeline!["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "plan-adopted")!["event"]!;
        Assert.Equal("draft-plan", adoption["adoptedVersion"]!["kind"]!.GetValue<string>());
        Assert.Equal(2, adoption["adoptedVersion"]!["version"]!.GetValue<int>());
        Assert.Equal(Sha256(DocumentSeeds.Bytes("003")), adoption["adoptedVersion"]!["sha256"]!.GetValue<string>());

        var (_, list) = await system.Client(Keys.Member).Get($"api/runs/{runId}/documents");
        Assert.Equal([false, true], list!["documents"]![0]!["versions"]!.AsArray().Select(v => v!["adopted"]!.GetValue<bool>()));

        // The decision notice was produced with the adoption, recorded in the same request, and reads as the decision.
        var notice = list["documents"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "decision-notice")!["versions"]!.AsArray().Single()!;
        Assert.Equal("decision-notice-2012-06-18.txt", notice["fileName"]!.GetValue<string>());
        Assert.Equal("Committee clerk (local)", notice["uploadedBy"]!.GetValue<string>());
        using var response = await system.Client(Keys.Member).GetAsync($"api/runs/{runId}/documents/decision-notice/1");
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(notice["sha256"]!.GetValue<string>(), Sha256(bytes));
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        output.WriteLine(text);
        Assert.Contains("Full Council adopted the plan at its meeting on 18 June 2012", text);
        Assert.Contains($"draft-plan, version 2, SHA-256 {Sha256(DocumentSeeds.Bytes("003"))}", text);
        Assert.Contains("None: the plan was adopted without amendments.", text);
        Assert.Contains("18 June 2012, the decision on the plan: adopted, 30 for, 18 against, 0 abstaining (48 present).", text);
    }

    [Fact]
    public async Task Throughput_of_seed_003_and_of_a_50_MB_document()
    {
        var ds = system.Client(Keys.DemocraticServices);
        var member = system.Client(Keys.Member);
        string runId = await ds.StartRun("Throughput");
        byte[] plan = DocumentSeeds.Bytes("003");

        var uploads = new List<double>();
        var downloads = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var (status, version, _) = await ds.Upload(runId, "draft-plan", plan, Text);
            uploads.Add(watch.Elapsed.TotalSeconds);
            Assert.Equal(HttpStatusCode.Created, status);
            watch.Restart();
            byte[] back = await member.GetByteArrayAsync($"api/runs/{runId}/documents/draft-plan/{version!["version"]}");
            downloads.Add(watch.Elapsed.TotalSeconds);
            Assert.Equal(plan.Length, back.Length);
        }

        double mb = plan.Length / 1_000_000.0;
        output.WriteLine($"seed 003 ({plan.Length:N0} bytes), median of 20: upload {mb / Median(uploads):0.00} MB/s ({Median(uploads) * 1000:0} ms), " +
            $"download {mb / Median(downloads):0.00} MB/s ({Median(downloads) * 1000:0} ms)");

        // A large generated document: streamed both ways, through the server's default 30 MB body limit.
        byte[] large = new byte[50 * 1000 * 1000];
        new Random(2017).NextBytes(large);
        var clock = Stopwatch.StartNew();
        var (largeStatus, largeVersion, _) = await ds.Upload(runId, "adopted-plan", large, "application/pdf", fileName: "large.pdf");
        double up = clock.Elapsed.TotalSeconds;
        Assert.True(largeStatus == HttpStatusCode.Created, $"{largeStatus} {largeVersion}");
        Assert.Equal(Sha256(large), largeVersion!["sha256"]!.GetValue<string>());

        clock.Restart();
        using var response = await member.GetAsync($"api/runs/{runId}/documents/adopted-plan/1", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        string downloaded = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        double down = clock.Elapsed.TotalSeconds;
        Assert.Equal(Sha256(large), downloaded);
        output.WriteLine($"generated 50 MB: upload {50 / up:0.0} MB/s ({up:0.00} s), download {50 / down:0.0} MB/s ({down:0.00} s)");
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    async Task<List<Azure.Storage.Blobs.Models.BlobItem>> Blobs(string runId) => await DocumentSeeds.Blobs(system, runId);
}

[CollectionDefinition(nameof(DocumentLimitCollection))]
public sealed class DocumentLimitCollection : ICollectionFixture<SmallDocumentLimitFixture>;

/// <summary>A host that accepts documents of at most 100,000 bytes, so seed 003 (130,284 bytes) is too large.</summary>
public sealed class SmallDocumentLimitFixture : SystemFixture
{
    public const long MaxBytes = 100_000;

    protected override void Configure(IDictionary<string, string> settings) => settings["Documents__MaxBytes"] = MaxBytes.ToString();
}

[Collection(nameof(DocumentLimitCollection))]
public sealed class DocumentLimitTests(SmallDocumentLimitFixture system)
{
    [Fact]
    public async Task A_document_over_the_limit_is_refused_413_from_its_length_and_nothing_is_stored()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        var (status, problem, _) = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("003"), "text/plain");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("100,000 bytes", problem!["detail"]!.GetValue<string>());
        Assert.Empty(await DocumentSeeds.Blobs(system, runId));
    }

    [Fact]
    public async Task A_document_over_the_limit_without_a_length_is_refused_413_while_streaming_and_nothing_is_stored()
    {
        var ds = system.Client(Keys.DemocraticServices);
        string runId = await ds.StartRun("Community Safety Partnership Plan 2017-21");
        var (status, problem, _) = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("003"), "text/plain", chunked: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("100,000 bytes", problem!["detail"]!.GetValue<string>());
        Assert.Empty(await DocumentSeeds.Blobs(system, runId));

        // Under the limit, streamed without a length, is stored.
        var (ok, version, _) = await ds.Upload(runId, "draft-plan", DocumentSeeds.Bytes("004"), "text/plain", chunked: true);
        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal(DocumentsTests.Sha256(DocumentSeeds.Bytes("004")), version!["sha256"]!.GetValue<string>());
    }
}

/// <summary>The seeds used as documents, and uploads as a clerk's tool sends them.</summary>
public static class DocumentSeeds
{
    /// <summary>
    /// Seed <paramref name="prefix"/>'s bytes: from tests/System.Tests/Seeds in the repository (copied there as test
    /// data), or else from the shared seeds beside the repository (../shared/seeds).
    /// </summary>
    public static byte[] Bytes(string prefix)
    {
        string root = LocalHost.Azurite.AzuriteProcess.RepositoryRoot();
        foreach (string folder in new[] { Path.Combine(root, "tests", "System.Tests", "Seeds"), Path.Combine(root, "..", "shared", "seeds") })
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, prefix + "_*.txt") is [var file])
            {
                return File.ReadAllBytes(file);
            }
        }

        throw new FileNotFoundException($"Seed {prefix} is neither in tests/System.Tests/Seeds nor in ../shared/seeds.");
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Upload(
        this HttpClient http, string runId, string kind, byte[] content, string contentType,
        string? idempotencyKey = null, string? fileName = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{runId}/documents/{kind}");
        // Chunked: a stream whose length the client does not know, so no Content-Length is sent.
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(content)) : new ByteArrayContent(content);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (fileName is not null) request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>
    /// Democratic Services uploads a draft plan (seed <paramref name="seed"/>, a full plan): Cabinet and Full Council
    /// decide only on a plan the run holds.
    /// </summary>
    public static async Task UploadDraftPlan(this HttpClient ds, string runId, string seed = "003")
    {
        var (status, body, _) = await ds.Upload(runId, "draft-plan", Bytes(seed), "text/plain; charset=utf-8", fileName: $"draft plan ({seed}).txt");
        Assert.True(status == HttpStatusCode.Created, $"upload of a draft plan: {status} {body}");
    }

    public static async Task<List<Azure.Storage.Blobs.Models.BlobItem>> Blobs(SystemFixture system, string runId)
    {
        var container = new BlobContainerClient(system.StorageConnectionString, "documents");
        var blobs = new List<Azure.Storage.Blobs.Models.BlobItem>();
        if (!await container.ExistsAsync()) return blobs;
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata, Prefix = runId + "/" }))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    sealed class UnknownLengthStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;
    }
}
