using System.Net.Http.Headers;
using ApprovalWorkflow.LocalHost.Azurite;
using ApprovalWorkflow.LocalHost.Launching;

namespace ApprovalWorkflow.SystemTests;

/// <summary>
/// One Azurite and one LocalHost for a test collection, with a task hub of the collection's own.
/// Tests give every run their own ids, so they never see each other's runs.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;
    LocalHostProcess? host;
    Dictionary<string, string> environment = new();
    int apiPort;

    /// <summary>The engine's gRPC port, for tests that talk to the orchestrations directly.</summary>
    public int GrpcPort { get; private set; }

    public string TaskHub { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    public string StorageConnectionString => azurite!.ConnectionString;

    public LocalHostProcess Host => host ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Settings a collection adds to the host's environment before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    public async Task InitializeAsync()
    {
        string data = Path.Combine(Path.GetTempPath(), "approvalworkflow-tests", TaskHub);
        azurite = await AzuriteProcess.StartAsync(data);
        apiPort = LocalHostProcess.FreePort();
        environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["TaskHubName"] = TaskHub,
            ["LocalHost__GrpcPort"] = (GrpcPort = LocalHostProcess.FreePort()).ToString(),
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ApprovalWorkflow"] = "Information",
        };
        Configure(environment);
        host = await StartHostAsync();
    }

    // The LocalHost built next to these tests, in the same configuration (bin/{Debug|Release}/net10.0).
    Task<LocalHostProcess> StartHostAsync() => LocalHostProcess.StartAsync(
        LocalHostProcess.BuiltDll(new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name),
        environment, apiPort, healthyWithin: TimeSpan.FromSeconds(60));

    /// <summary>Kills the host hard and starts a new one on the same storage, task hub and ports.</summary>
    public async Task CrashAndRestartAsync()
    {
        Host.KillHard();
        await Host.DisposeAsync();
        host = await StartHostAsync();
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

/// <summary>The local keys the LocalHost accepts when none are configured, one per role.</summary>
public static class Keys
{
    public const string DemocraticServices = "local-democratic-services";
    public const string Clerk = "local-clerk";
    public const string Executive = "local-executive";
    public const string Member = "local-member";
}
