namespace ApprovalWorkflow.LocalHost;

/// <summary>Where the local host listens and keeps its data; every value has a default that needs nothing set.</summary>
public sealed record LocalHostSettings(int ApiPort, int GrpcPort, string DataFolder, int AzuriteBlobPort, int AzuriteQueuePort, int AzuriteTablePort)
{
    public static LocalHostSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("LocalHost");
        string dataFolder = section["DataFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(Azurite.AzuriteProcess.RepositoryRoot(), ".data", "azurite");
        return new LocalHostSettings(
            ApiPort: Port(section, "ApiPort", 7071),
            GrpcPort: Port(section, "GrpcPort", 7072),
            DataFolder: dataFolder,
            AzuriteBlobPort: Port(section, "AzuriteBlobPort", 10000),
            AzuriteQueuePort: Port(section, "AzuriteQueuePort", 10001),
            AzuriteTablePort: Port(section, "AzuriteTablePort", 10002));
    }

    static int Port(IConfigurationSection section, string key, int defaultPort)
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return defaultPort;
        }

        if (!int.TryParse(text, out int port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException(
                $"Setting LocalHost:{key} (environment LocalHost__{key}) is '{text}': it must be a TCP port number from 1 to 65535.");
        }

        return port;
    }
}
