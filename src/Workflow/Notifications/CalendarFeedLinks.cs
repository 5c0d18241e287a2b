using System.Security.Cryptography;
using System.Text;
using ApprovalWorkflow.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWorkflow.Notifications;

/// <summary>
/// Links a councillor pastes once into a calendar app, which can send no key or token header: the link
/// carries <c>?token=</c>, an HMAC-SHA256 of the member id under a secret the app makes for itself the
/// first time and keeps in its own storage (table <c>Settings</c>), so nothing needs configuring and
/// one member's link never opens another's feed.
/// </summary>
public sealed class CalendarFeedLinks
{
    const string TableName = "Settings";
    readonly TableClient table;
    readonly Lazy<Task<byte[]>> secret;

    public CalendarFeedLinks(StorageClients storage)
    {
        table = storage.Tables.GetTableClient(TableName);
        secret = new Lazy<Task<byte[]>>(LoadOrCreateSecretAsync);
    }

    /// <summary>The token that opens <paramref name="memberId"/>'s feed and no other.</summary>
    public async Task<string> TokenForAsync(string memberId)
    {
        byte[] mac = HMACSHA256.HashData(await secret.Value, Encoding.UTF8.GetBytes("calendar-feed:" + memberId));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="token"/> is the one for <paramref name="memberId"/> (compared in constant time).</summary>
    public async Task<bool> OpensAsync(string memberId, string token)
    {
        byte[] expected = Encoding.ASCII.GetBytes(await TokenForAsync(memberId));
        byte[] offered = Encoding.ASCII.GetBytes(token);
        return expected.Length == offered.Length && CryptographicOperations.FixedTimeEquals(expected, offered);
    }

    async Task<byte[]> LoadOrCreateSecretAsync()
    {
        await table.CreateIfNotExistsAsync();
        var existing = await table.GetEntityIfExistsAsync<TableEntity>("secret", "calendar-feed");
        if (existing.HasValue && existing.Value?.GetBinary("Value") is { Length: 32 } stored)
        {
            return stored;
        }

        try
        {
            // Insert only: of two processes racing to make it, the first wins and both use its secret.
            await table.AddEntityAsync(new TableEntity("secret", "calendar-feed") { ["Value"] = RandomNumberGenerator.GetBytes(32) });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        return (await table.GetEntityAsync<TableEntity>("secret", "calendar-feed")).Value.GetBinary("Value");
    }
}
