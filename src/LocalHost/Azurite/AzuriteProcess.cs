using System.Diagnostics;
using System.Net.Sockets;

namespace ApprovalWorkflow.LocalHost.Azurite;

/// <summary>
/// The Azurite storage emulator as a child process: installed from npm into the repository
/// (the version pinned in package.json / package-lock.json) the first time it is needed,
/// listening on loopback only, keeping its data in a folder of its own.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's documented well-known development account; it only ever works against the emulator.
    const string DevAccount = "devstoreaccount1";
    const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;
    readonly string pidFile;

    AzuriteProcess(Process process, string pidFile, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.pidFile = pidFile;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    /// <summary>
    /// Starts Azurite with its data under <paramref name="dataFolder"/>. Ports of 0 pick free ones.
    /// A stale Azurite left behind by a host that was killed hard (its pid is in the data folder)
    /// is stopped first, so a restart never finds the ports taken.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        string dataFolder, int blobPort = 0, int queuePort = 0, int tablePort = 0,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        log ??= _ => { };
        Directory.CreateDirectory(dataFolder);
        string pidFile = Path.Combine(dataFolder, "azurite.pid");
        StopStale(pidFile, log);

        string executable = await EnsureInstalledAsync(log, cancellationToken);
        blobPort = blobPort == 0 ? Launching.LocalHostProcess.FreePort() : blobPort;
        queuePort = queuePort == 0 ? Launching.LocalHostProcess.FreePort() : queuePort;
        tablePort = tablePort == 0 ? Launching.LocalHostProcess.FreePort() : tablePort;

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose",
            "--location", dataFolder,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) log($"azurite: {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) log($"azurite: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(), cancellationToken);

        var azurite = new AzuriteProcess(process, pidFile, blobPort, queuePort, tablePort);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await Listening(blobPort) && await Listening(queuePort) && await Listening(tablePort)))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before listening on {blobPort}/{queuePort}/{tablePort}; is another emulator using these ports?");
            }

            if (DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new TimeoutException("Azurite did not listen within 30 s.");
            }

            await Task.Delay(50, cancellationToken);
        }

        log($"Azurite listening on 127.0.0.1 (blob {blobPort}, queue {queuePort}, table {tablePort}), data in {dataFolder}");
        return azurite;
    }

    /// <summary>The repository root: the folder whose package.json pins Azurite.</summary>
    public static string RepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) &&
                    File.Exists(Path.Combine(dir.FullName, "ApprovalWorkflow.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the repository root (the folder with ApprovalWorkflow.sln and package.json) to install Azurite into. " +
            "Set Storage__ConnectionString to use existing storage instead.");
    }

    static async Task<string> EnsureInstalledAsync(Action<string> log, CancellationToken cancellationToken)
    {
        string root = RepositoryRoot();
        string executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (File.Exists(executable))
        {
            return executable;
        }

        // One install at a time across processes (parallel test collections share the repository).
        string lockPath = Path.Combine(Path.GetTempPath(), "approvalworkflow-npm-install.lock");
        using var installLock = await AcquireFileLockAsync(lockPath, cancellationToken);
        if (File.Exists(executable))
        {
            return executable;
        }

        log("Installing Azurite from npm (pinned in package-lock.json)...");
        var npm = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(arg);
        }

        using var install = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start; is Node.js installed?");
        Task<string> output = install.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> errors = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"`npm ci` in {root} failed with exit code {install.ExitCode}: {await output}{await errors}");
        }

        log("Azurite installed.");
        return executable;
    }

    static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    static void StopStale(string pidFile, Action<string> log)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out int pid))
        {
            return;
        }

        try
        {
            using var stale = Process.GetProcessById(pid);
            if (stale.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase) ||
                stale.ProcessName.Contains("azurite", StringComparison.OrdinalIgnoreCase))
            {
                log($"Stopping Azurite left running by an earlier host (pid {pid}).");
                stale.Kill(entireProcessTree: true);
                stale.WaitForExit(5000);
            }
        }
        catch (ArgumentException)
        {
            // Not running any more.
        }
        catch (InvalidOperationException)
        {
        }
    }

    static async Task<bool> Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        try { File.Delete(pidFile); } catch (IOException) { }
    }
}
