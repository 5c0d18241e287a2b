using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ApprovalWorkflow.Procedure;
using ApprovalWorkflow.Storage;

namespace ApprovalWorkflow.Documents;

/// <summary>What became of content offered to <see cref="DocumentStore.StoreAsync"/>.</summary>
public abstract record StoreOutcome
{
    private StoreOutcome() { }

    /// <summary>
    /// The blob holds the content, complete, with this SHA-256 (lower-case hex) and size.
    /// <paramref name="Created"/> when this call wrote it; false when the same content was already there.
    /// </summary>
    public sealed record Stored(string Sha256, long Size, bool Created) : StoreOutcome;

    /// <summary>The content was empty; nothing was written.</summary>
    public sealed record Empty : StoreOutcome;

    /// <summary>The content was longer than the limit; nothing was written.</summary>
    public sealed record TooLarge(long MaxBytes) : StoreOutcome;

    /// <summary>The blob already holds other content (SHA-256 <paramref name="ExistingSha256"/>); it was left as it is.</summary>
    public sealed record DifferentContent(string ExistingSha256) : StoreOutcome;
}

/// <summary>A stored document's blob as Blob storage describes it.</summary>
public sealed record StoredBlob(string Sha256, long Size, string ContentType);

/// <summary>
/// The run's documents in Blob storage, container <c>documents</c>, one blob per upload:
/// <c>{runId}/{kind}/{uploadId}</c>. Content is streamed through in blocks (never held whole in memory),
/// its SHA-256 computed on the way and kept as the blob's metadata <c>sha256</c>. A blob is only ever created,
/// with <c>If-None-Match: *</c>, so nothing is overwritten; and it appears complete or not at all (the blocks
/// are committed in one call, with the hash, at the end).
/// </summary>
public sealed class DocumentStore
{
    public const string ContainerName = "documents";
    public const string Sha256Metadata = "sha256";
    const string FileNameMetadata = "filename";

    // The size of one staged block; two are in memory per upload (one being read, one being sent).
    const int BlockBytes = 4 * 1024 * 1024;

    readonly BlobContainerClient container;
    readonly Lazy<Task> created;

    public DocumentStore(StorageClients storage)
    {
        container = storage.Blobs.GetBlobContainerClient(ContainerName);
        created = new Lazy<Task>(() => container.CreateIfNotExistsAsync());
    }

    /// <summary>"run-1/draft-plan/3f2a...": where an upload's content is kept.</summary>
    public static string BlobName(string runId, DocumentKind kind, string uploadId) => $"{runId}/{kind.Name()}/{uploadId}";

    /// <summary>
    /// Streams <paramref name="content"/> into a new blob <paramref name="blobName"/>, at most
    /// <paramref name="maxBytes"/> bytes. If the blob exists already (a retried upload), the content is read and
    /// hashed but not written again, and the outcome says whether it is the same content.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(
        string blobName, Stream content, string contentType, string? fileName, long maxBytes, CancellationToken cancellationToken)
    {
        await created.Value;
        var blob = container.GetBlockBlobClient(blobName);
        if (await DescribeAsync(blobName, cancellationToken) is { } existing)
        {
            return await CompareAsync(existing, content, maxBytes, cancellationToken);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BlockBytes), ArrayPool<byte>.Shared.Rent(BlockBytes)];
        Task? staging = null;
        try
        {
            int read = await FillAsync(content, buffers[0], cancellationToken);
            if (read == 0)
            {
                return new StoreOutcome.Empty();
            }

            if (read > maxBytes)
            {
                return new StoreOutcome.TooLarge(maxBytes);
            }

            hash.AppendData(buffers[0], 0, read);
            var headers = new BlobHttpHeaders { ContentType = contentType };
            if (read < BlockBytes)
            {
                // All of it fits in one block: one Put Blob, the hash already known.
                string sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                using var whole = new MemoryStream(buffers[0], 0, read, writable: false);
                var upload = new BlobUploadOptions { HttpHeaders = headers, Metadata = Metadata(sha, fileName), Conditions = OnlyIfNew };
                return await CreateAsync(blobName, () => blob.UploadAsync(whole, upload, cancellationToken), sha, read, cancellationToken);
            }

            // Larger: stage blocks, reading the next while the last is sent, then commit them with the hash.
            // The block ids are this attempt's own, so a concurrent retry can never mix its blocks into this list.
            string attempt = Guid.NewGuid().ToString("N");
            var blockIds = new List<string>();
            long total = 0;
            int current = 0;
            while (read > 0)
            {
                total += read;
                if (staging is not null)
                {
                    await staging;
                }

                string blockId = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{attempt}-{blockIds.Count:D6}"));
                blockIds.Add(blockId);
                staging = blob.StageBlockAsync(blockId, new MemoryStream(buffers[current], 0, read, writable: false), cancellationToken: cancellationToken);
                current ^= 1;
                read = await FillAsync(content, buffers[current], cancellationToken);
                if (total + read > maxBytes)
                {
                    // Nothing is committed, so there is no blob; the staged blocks are discarded by the service.
                    return new StoreOutcome.TooLarge(maxBytes);
                }

                hash.AppendData(buffers[current], 0, read);
            }

            await staging!;
            staging = null;
            string sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var commit = new CommitBlockListOptions { HttpHeaders = headers, Metadata = Metadata(sha256, fileName), Conditions = OnlyIfNew };
            return await CreateAsync(blobName, () => blob.CommitBlockListAsync(blockIds, commit, cancellationToken), sha256, total, cancellationToken);
        }
        finally
        {
            if (staging is not null)
            {
                // A block still on its way when the upload stopped: let it finish before its buffer goes back.
                try { await staging; } catch (Exception e) when (e is RequestFailedException or OperationCanceledException) { }
            }

            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    /// <summary>The blob's hash, size and type, or null if there is no such blob.</summary>
    public async Task<StoredBlob?> DescribeAsync(string blobName, CancellationToken cancellationToken)
    {
        await created.Value;
        try
        {
            var properties = (await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredBlob(
                properties.Metadata.TryGetValue(Sha256Metadata, out var sha) ? sha : "",
                properties.ContentLength,
                properties.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// A seekable read-only stream over the blob's content (fetched in parts as it is read, so a range
    /// request reads only its range), or null if there is no such blob.
    /// </summary>
    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        await created.Value;
        try
        {
            return await container.GetBlobClient(blobName).OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlockBytes }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes a blob that no record row names (its run refused it). Never called for a blob on the record:
    /// a recorded document is kept for good.
    /// </summary>
    public async Task DeleteUnrecordedAsync(string blobName, CancellationToken cancellationToken)
    {
        await created.Value;
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    static readonly BlobRequestConditions OnlyIfNew = new() { IfNoneMatch = ETag.All };

    static Dictionary<string, string> Metadata(string sha256, string? fileName)
    {
        var metadata = new Dictionary<string, string> { [Sha256Metadata] = sha256 };
        if (!string.IsNullOrEmpty(fileName))
        {
            metadata[FileNameMetadata] = Uri.EscapeDataString(fileName);
        }

        return metadata;
    }

    /// <summary>Creates the blob; if it appeared meanwhile (a concurrent retry), compares its hash with ours.</summary>
    async Task<StoreOutcome> CreateAsync(string blobName, Func<Task> create, string sha256, long size, CancellationToken cancellationToken)
    {
        try
        {
            await create();
            return new StoreOutcome.Stored(sha256, size, Created: true);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = await DescribeAsync(blobName, cancellationToken)
                ?? throw new InvalidOperationException($"Blob {blobName} refused to be created as existing, and does not exist.", e);
            return existing.Sha256 == sha256
                ? new StoreOutcome.Stored(sha256, size, Created: false)
                : new StoreOutcome.DifferentContent(existing.Sha256);
        }
    }

    /// <summary>Reads and hashes content meant for an existing blob, without writing it.</summary>
    static async Task<StoreOutcome> CompareAsync(StoredBlob existing, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return new StoreOutcome.TooLarge(maxBytes);
                }

                hash.AppendData(buffer, 0, read);
            }

            if (total == 0)
            {
                return new StoreOutcome.Empty();
            }

            string sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return sha256 == existing.Sha256 && total == existing.Size
                ? new StoreOutcome.Stored(sha256, total, Created: false)
                : new StoreOutcome.DifferentContent(existing.Sha256);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/>'s first <see cref="BlockBytes"/> are full or the content ends.</summary>
    static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < BlockBytes)
        {
            int read = await content.ReadAsync(buffer.AsMemory(filled, BlockBytes - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
