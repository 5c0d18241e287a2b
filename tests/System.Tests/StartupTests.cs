using ApprovalWorkflow.LocalHost.Launching;

namespace ApprovalWorkflow.SystemTests;

/// <summary>A missing or malformed setting stops the host at start with a message naming it, never later mid-run.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class StartupTests(SystemFixture system)
{
    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Setting TimeZone is 'Mars/Olympus_Mons'")]
    [InlineData("Calendar__ExtraHolidays__2027-13-45", "Not a day", "Calendar:ExtraHolidays")]
    [InlineData("Http__CommandWaitSeconds", "soon", "Setting Http:CommandWaitSeconds (environment Http__CommandWaitSeconds) is 'soon'")]
    [InlineData("Auth__Keys__some-key", "Mayor", "Setting Auth:Keys:some-key is 'Mayor'")]
    [InlineData("LocalHost__ApiPort", "70000", "LocalHost:ApiPort")]
    public async Task A_malformed_setting_stops_the_host_at_start_with_a_message_naming_it(string setting, string value, string message)
    {
        int apiPort = LocalHostProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = system.StorageConnectionString,
            ["TaskHubName"] = "startup" + Guid.NewGuid().ToString("N")[..8],
            ["LocalHost__GrpcPort"] = LocalHostProcess.FreePort().ToString(),
            [setting] = value,
        };
        string dll = LocalHostProcess.BuiltDll(new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var host = await LocalHostProcess.StartAsync(dll, environment, apiPort, healthyWithin: TimeSpan.FromSeconds(30));
        });
        Assert.Contains("exited", failure.Message);
        Assert.Contains(message, failure.Message);
    }
}
