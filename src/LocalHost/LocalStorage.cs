using ApprovalWorkflow.LocalHost.Azurite;

namespace ApprovalWorkflow.LocalHost;

/// <summary>
/// The storage the local host uses: the configured connection string if there is one
/// (Storage:ConnectionString), otherwise Azurite started here and stopped with the host.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    readonly AzuriteProcess? azurite;

    LocalStorage(string connectionString, AzuriteProcess? azurite)
    {
        ConnectionString = connectionString;
        this.azurite = azurite;
    }

    public string ConnectionString { get; }

    public static async Task<LocalStorage> StartAsync(ConfigurationManager configuration, LocalHostSettings settings)
    {
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } configured)
        {
            return new LocalStorage(configured, azurite: null);
        }

        var azurite = await AzuriteProcess.StartAsync(
            settings.DataFolder, settings.AzuriteBlobPort, settings.AzuriteQueuePort, settings.AzuriteTablePort,
            log: Console.WriteLine);
        // Everything else in the host reads storage from this one setting.
        configuration["Storage:ConnectionString"] = azurite.ConnectionString;
        return new LocalStorage(azurite.ConnectionString, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
