using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ApprovalWorkflow.Storage;

/// <summary>
/// The storage account's table and blob clients, made once from configuration: a connection string
/// locally (Azurite), or service URIs with the app's managed identity in Azure (no account keys).
/// </summary>
public sealed class StorageClients
{
    public StorageClients(TableServiceClient tables, BlobServiceClient blobs)
    {
        Tables = tables;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }

    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        if (section["ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new StorageClients(new TableServiceClient(connectionString), new BlobServiceClient(connectionString));
        }

        if (Uri.TryCreate(section["TableServiceUri"], UriKind.Absolute, out var tableUri) &&
            Uri.TryCreate(section["BlobServiceUri"], UriKind.Absolute, out var blobUri))
        {
            var credential = section["ClientId"] is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : (Azure.Core.TokenCredential)new DefaultAzureCredential();
            return new StorageClients(new TableServiceClient(tableUri, credential), new BlobServiceClient(blobUri, credential));
        }

        throw new InvalidOperationException(
            "Storage is not configured: set Storage:ConnectionString (environment Storage__ConnectionString), " +
            "or Storage:TableServiceUri and Storage:BlobServiceUri (with Storage:ClientId for a user-assigned identity).");
    }
}
