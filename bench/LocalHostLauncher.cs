using System.Diagnostics;
using ApprovalWorkflow.LocalHost.Azurite;
using ApprovalWorkflow.LocalHost.Launching;

namespace ApprovalWorkflow.Bench;

/// <summary>
/// The LocalHost as the README runs it, in a process of its own (the Release build next to the bench),
/// pointed at the bench's Azurite, on free ports, with a task hub of its own.
/// </summary>
public sealed class LocalHostLauncher : IAsyncDisposable
{
    readonly LocalHostProcess process;

    LocalHostLauncher(LocalHostProcess process, int grpcPort, string taskHub)
    {
        this.process = process;
        GrpcPort = grpcPort;
        TaskHub = taskHub;
    }

    public int GrpcPort { get; }
    public string TaskHub { get; }
    public int ProcessId => process.ProcessId;
    public Uri BaseAddress => process.BaseAddress;

    public static async Task<LocalHostLauncher> StartAsync(string storageConnectionString, string configuration)
    {
        string dll = await LocalHostDllAsync(configuration);
        int apiPort = FreePort(), grpcPort = FreePort();
        string taskHub = "bench" + Guid.NewGuid().ToString("N")[..10];
        var host = await LocalHostProcess.StartAsync(dll, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Storage__ConnectionString"] = storageConnectionString,
            ["TaskHubName"] = taskHub,
            ["LocalHost__GrpcPort"] = grpcPort.ToString(),
        }, apiPort, healthyWithin: TimeSpan.FromSeconds(90));
        return new LocalHostLauncher(host, grpcPort, taskHub);
    }

    /// <summary>The LocalHost built in the bench's configuration; built now if it is not there.</summary>
    static async Task<string> LocalHostDllAsync(string configuration)
    {
        string dll = LocalHostProcess.BuiltDll(configuration);
        if (File.Exists(dll))
        {
            return dll;
        }

        Console.WriteLine($"Building the LocalHost ({configuration})...");
        var build = new ProcessStartInfo("dotnet") { WorkingDirectory = AzuriteProcess.RepositoryRoot(), UseShellExecute = false };
        foreach (string arg in new[] { "build", "-c", configuration, "src/LocalHost/LocalHost.csproj", "-v", "q", "-nologo" })
        {
            build.ArgumentList.Add(arg);
        }

        using var builder = Process.Start(build) ?? throw new InvalidOperationException("dotnet build did not start");
        await builder.WaitForExitAsync();
        return builder.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"`dotnet build -c {configuration} src/LocalHost` failed (exit code {builder.ExitCode}).");
    }

    public static int FreePort() => LocalHostProcess.FreePort();

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

/// <summary>
/// Samples a process's resident memory every 100 ms from /proc/{pid}/status: the highest VmRSS seen while
/// sampling, and the kernel's own high-water mark (VmHWM, since the process started).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    readonly int pid;
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public MemorySampler(int pid)
    {
        this.pid = pid;
        loop = Task.Run(RunAsync);
    }

    public long PeakRssBytes { get; private set; }
    public long HighWaterMarkBytes { get; private set; }
    public int Samples { get; private set; }

    async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            Sample();
        }
        while (await Wait(timer));
    }

    async Task<bool> Wait(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    void Sample()
    {
        var (rss, hwm) = Read(pid);
        if (rss > 0)
        {
            PeakRssBytes = Math.Max(PeakRssBytes, rss);
            HighWaterMarkBytes = Math.Max(HighWaterMarkBytes, hwm);
            Samples++;
        }
    }

    /// <summary>VmRSS and VmHWM of a process in bytes (0, 0 if it cannot be read).</summary>
    public static (long Rss, long HighWaterMark) Read(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line) * 1024;
            }

            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>CPU time (user + system) a process has used, from /proc/{pid}/stat; zero if it cannot be read.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th, stime the 15th.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                         long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The machine's 1-minute load average (other work on the machine shows here).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Sample();
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
