using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace ApprovalWorkflow.SystemTests;

/// <summary>
/// The LocalHost as the README runs it, in a process of its own, pointed at the test's Azurite and
/// task hub. Being a real process, it can be killed hard and started again.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output;

    LocalHostProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(80));

    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int apiPort)
    {
        string dll = LocalHostDll();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__ApprovalWorkflow"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new LocalHostProcess(process, output, new Uri($"http://127.0.0.1:{apiPort}/"));
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    async Task WaitHealthyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The LocalHost exited with code {process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync("api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The LocalHost was not healthy within {within.TotalSeconds} s:\n{RecentOutput}");
    }

    /// <summary>Kills the process at once, as a crash or a power cut would: no shutdown code runs.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 500 && output.TryDequeue(out _))
        {
        }
    }

    static string LocalHostDll()
    {
        // The LocalHost built next to these tests, in the same configuration.
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string dll = Path.Combine(LocalHost.Azurite.AzuriteProcess.RepositoryRoot(),
            "src", "LocalHost", "bin", configuration, "net10.0", "ApprovalWorkflow.LocalHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the LocalHost is not built.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
