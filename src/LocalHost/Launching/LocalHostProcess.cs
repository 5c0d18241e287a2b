using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace ApprovalWorkflow.LocalHost.Launching;

/// <summary>
/// The LocalHost as the README runs it, in a process of its own: how the system tests and the bench start
/// it (on their own Azurite, ports and task hub), and, being a real process, how a test kills it hard.
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

    public int ProcessId => process.Id;

    /// <summary>The host's last lines of output, for a failure's message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(80));

    /// <summary>
    /// Starts the LocalHost <paramref name="dll"/> with these settings (environment variables, e.g.
    /// <c>Storage__ConnectionString</c>, <c>TaskHubName</c>, <c>LocalHost__ApiPort</c>) and waits until
    /// <c>GET /api/health</c> answers 200.
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, int apiPort, TimeSpan healthyWithin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["LocalHost__ApiPort"] = apiPort.ToString();
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
        await host.WaitHealthyAsync(healthyWithin);
        return host;
    }

    /// <summary>The LocalHost's entry assembly as built in <paramref name="configuration"/> (Debug or Release).</summary>
    public static string BuiltDll(string configuration) =>
        Path.Combine(Azurite.AzuriteProcess.RepositoryRoot(), "src", "LocalHost", "bin", configuration, "net10.0", "ApprovalWorkflow.LocalHost.dll");

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
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The LocalHost was not healthy within {within.TotalSeconds} s:\n{RecentOutput}");
    }

    /// <summary>Kills the process at once, as a crash or a power cut would: no shutdown code runs.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>A TCP port on loopback that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
