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

    static int Port(IConfigurationSection section, string key, int defaultPort) =>
        SettingValues.Whole(section, key, defaultPort, 1, 65535, "a TCP port number");
}
