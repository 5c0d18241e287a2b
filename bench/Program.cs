using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ApprovalWorkflow.Bench;
using ApprovalWorkflow.LocalHost.Azurite;
using NodaTime;

// The bench: one Azurite and one LocalHost (its Release build, in a process of its own, logging at Warning)
// on free ports with a task hub of their own, measured over HTTP and through the engine's gRPC client.
// Run: dotnet run -c Release --project bench   (options: --samples N, --runs N, --concurrency N)

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int samples = Option("--samples", 200);
int concurrentRuns = Option("--runs", 500);
int concurrency = Option("--concurrency", 50);
const int WarmUp = 10;

string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
string dataFolder = Path.Combine(Path.GetTempPath(), "approvalworkflow-bench", Guid.NewGuid().ToString("N")[..12]);
string loadAtStart = MemorySampler.LoadAverage();
Console.WriteLine($"ApprovalWorkflow bench: {Environment.ProcessorCount} CPU(s), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, LocalHost {configuration}, load average {loadAtStart}");

var clock = Stopwatch.StartNew();
var azurite = await AzuriteProcess.StartAsync(dataFolder);
LocalHostLauncher? launched = null;
try
{
    int azuritePid = int.Parse(File.ReadAllText(Path.Combine(dataFolder, "azurite.pid")), CultureInfo.InvariantCulture);
    var azuriteStart = clock.Elapsed;
    clock.Restart();
    var host = launched = await LocalHostLauncher.StartAsync(azurite.ConnectionString, configuration);
    var hostStart = clock.Elapsed;
    Console.WriteLine($"Azurite ready in {azuriteStart.TotalSeconds:F1} s; LocalHost (pid {host.ProcessId}, task hub {host.TaskHub}) healthy in {hostStart.TotalSeconds:F1} s.");

    var api = new Api(host.BaseAddress);
    await using var probe = new EngineProbe(host.GrpcPort, azurite.ConnectionString);
    await Journeys.RegisterBodiesAsync(api);

    // 1 + 2. Per run: start it (HTTP), schedule Cabinet's meeting by raising the command straight to the engine
    // (measure 1), then the clerk records Cabinet's vote over HTTP (measure 2), checked with a GET.
    var engine = new Samples("engine: raise command → record (LocalHost engine)");
    var clerk = new Samples("clerk: POST cabinet-decision → new state");
    int clerk202Before = 0;
    int clerkFollowed202 = 0;
    Console.WriteLine($"1+2. {WarmUp} warm-up runs, then {samples} runs: engine command round trip and the clerk's vote...");
    for (int i = 0; i < WarmUp + samples; i++)
    {
        bool measured = i >= WarmUp;
        if (i == WarmUp) clerk202Before = api.Accepted202;
        string runId = await Journeys.StartCabinetCouncilRunAsync(api, $"Bench plan {i}");
        var engineElapsed = await probe.ScheduleMeetingAsync(runId, "cabinet-2012-06-06", "cabinet", new LocalDate(2012, 6, 6));

        var vote = Stopwatch.StartNew();
        var answer = await Journeys.CabinetRecommendsAsync(api, runId, "cabinet-2012-06-06");
        var clerkElapsed = vote.Elapsed;
        var view = answer.Ok("Cabinet recommends");
        Journeys.Expect(view["currentStage"]?["id"]?.GetValue<string>() == "full-council", $"run {runId}: the POST should answer with Full Council next");
        var read = (await api.GetAsync(Api.Clerk, $"api/runs/{runId}")).Ok("GET run");
        Journeys.Expect(read["currentStage"]?["id"]?.GetValue<string>() == "full-council" &&
            read["lastSequence"]!.GetValue<long>() == view["lastSequence"]!.GetValue<long>(),
            $"run {runId}: the GET should read the state the POST answered with");

        if (measured)
        {
            engine.Add(engineElapsed);
            clerk.Add(clerkElapsed);
            if (answer.Followed202) clerkFollowed202++;
        }
    }

    int clerk202 = api.Accepted202 - clerk202Before;

    // 1b. The bare engine: its own sidecar (same stack and settings), a trivial orchestrator, RaiseEvent → Completed.
    var bare = new Samples("bare engine: RaiseEvent → Completed (trivial orchestrator)");
    Console.WriteLine($"1b. bare engine in the bench: {WarmUp} warm-up, then {samples} samples...");
    await using (var bareEngine = await BareEngine.StartAsync(azurite.ConnectionString))
    {
        for (int i = 0; i < WarmUp + samples; i++)
        {
            string id = await bareEngine.StartWaitingInstanceAsync();
            var elapsed = await bareEngine.RaiseAndWaitCompletedAsync(id);
            if (i >= WarmUp) bare.Add(elapsed);
        }
    }

    // 3. Seed 000 replayed end to end over HTTP.
    Console.WriteLine("3. seed 000 end to end...");
    int seed202Before = api.Accepted202;
    clock.Restart();
    await Journeys.Seed000Async(api);
    var seed000 = clock.Elapsed;
    int seed202 = api.Accepted202 - seed202Before;

    // 4. Many runs at once, from start to adoption, a bounded number in flight; the LocalHost's memory sampled.
    Console.WriteLine($"4. {concurrentRuns} runs start → adoption, {concurrency} in flight...");
    int load202Before = api.Accepted202;
    var (rssBefore, _) = MemorySampler.Read(host.ProcessId);
    var hostCpuBefore = MemorySampler.CpuTime(host.ProcessId);
    var azuriteCpuBefore = MemorySampler.CpuTime(azuritePid);
    var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var runLatency = new Samples("one run, start → adopted (5 calls)");
    var failures = new List<string>();
    TimeSpan loadTime, hostCpu, azuriteCpu, benchCpu;
    long hostPeakRss, hostHwm, azuritePeakRss;
    {
        var hostMemory = new MemorySampler(host.ProcessId);
        var azuriteMemory = new MemorySampler(azuritePid);
        using var gate = new SemaphoreSlim(concurrency);
        clock.Restart();
        var tasks = Enumerable.Range(0, concurrentRuns).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var one = Stopwatch.StartNew();
                await Journeys.StartToAdoptionAsync(api, $"Load plan {i}");
                lock (runLatency) runLatency.Add(one.Elapsed);
            }
            catch (Exception e)
            {
                lock (failures) failures.Add(e.Message);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        loadTime = clock.Elapsed;
        hostCpu = MemorySampler.CpuTime(host.ProcessId) - hostCpuBefore;
        azuriteCpu = MemorySampler.CpuTime(azuritePid) - azuriteCpuBefore;
        benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
        await hostMemory.DisposeAsync();
        await azuriteMemory.DisposeAsync();
        hostPeakRss = hostMemory.PeakRssBytes;
        hostHwm = hostMemory.HighWaterMarkBytes;
        azuritePeakRss = azuriteMemory.PeakRssBytes;
    }

    int load202 = api.Accepted202 - load202Before;
    int adopted = concurrentRuns - failures.Count;

    // The table.
    double ratio = clerk.P95 / engine.P95;
    double ratioBare = clerk.P95 / bare.P95;
    bool ratioPass = ratio <= 2.0;
    bool underSecond = clerk.P95 < 1000;
    bool seedPass = seed000.TotalSeconds < 5;
    string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + " ms";
    string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
    string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    Console.WriteLine();
    Console.WriteLine($"ApprovalWorkflow bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs (load average {loadAtStart} at start, {MemorySampler.LoadAverage()} now), LocalHost {configuration}, Logging Warning, CommandWait 5 s");
    Console.WriteLine(new string('=', 110));
    Console.WriteLine($"{"measure",-62} {"n",5} {"p50",10} {"p95",10} {"min",10} {"max",10}");
    Console.WriteLine(new string('-', 110));
    foreach (var s in new[] { bare, engine, clerk })
    {
        Console.WriteLine($"{s.Name,-62} {s.Count,5} {Ms(s.P50),10} {Ms(s.P95),10} {Ms(s.Min),10} {Ms(s.Max),10}");
    }

    Console.WriteLine($"{runLatency.Name + $" (under load, {concurrency} in flight)",-62} {runLatency.Count,5} {Ms(runLatency.P50),10} {Ms(runLatency.P95),10} {Ms(runLatency.Min),10} {Ms(runLatency.Max),10}");
    Console.WriteLine(new string('-', 110));
    void Row(string label, string value, string target = "", string verdict = "", string note = "") =>
        Console.WriteLine($"{label,-56} {value,12}   {target,-18} {verdict,-4} {note}".TrimEnd());
    Row("clerk p95 / engine p95 (LocalHost engine)", $"{ratio:F2}x", "target <= 2x", Verdict(ratioPass));
    Row("clerk p95 / bare engine p95", $"{ratioBare:F2}x", "target <= 2x", Verdict(ratioBare <= 2.0), "(a stricter base, for information)");
    Row("clerk p95", Ms(clerk.P95), "target < 1000 ms", Verdict(underSecond));
    Row("clerk POSTs answered 202 (followed to their Location)", $"{clerk202}", note: $"({clerkFollowed202} of the {clerk.Count} measured)");
    Row("seed 000 end to end over HTTP (5 bodies + 9 calls)", $"{seed000.TotalSeconds:F2} s", "target < 5 s", Verdict(seedPass), $"(202s: {seed202})");
    Row($"{concurrentRuns} runs start → adoption, {concurrency} in flight", $"{loadTime.TotalSeconds:F1} s", note:
        $"{concurrentRuns / loadTime.TotalSeconds:F1} runs/s, {concurrentRuns * 5 / loadTime.TotalSeconds:F1} calls/s");
    Row("  adopted / failed / calls answered 202", $"{adopted} / {failures.Count} / {load202}");
    Row("  LocalHost peak RSS during the load (sampled / 100 ms)", Mb(hostPeakRss), note: $"(VmHWM {Mb(hostHwm)}; RSS before {Mb(rssBefore)})");
    Row("  Azurite peak RSS during the load", Mb(azuritePeakRss));
    Row("  CPU used during the load: LocalHost / Azurite / bench", $"{hostCpu.TotalSeconds:F0} / {azuriteCpu.TotalSeconds:F0} / {benchCpu.TotalSeconds:F0} s",
        note: $"(of {loadTime.TotalSeconds * Environment.ProcessorCount:F0} CPU-s on {Environment.ProcessorCount} CPUs, shared)");
    Console.WriteLine($"  LocalHost start to healthy {hostStart.TotalSeconds:F1} s");
    Console.WriteLine(new string('=', 110));
    Console.WriteLine("engine  = a ScheduleMeeting command raised straight to the run's orchestration (gRPC DurableTaskClient), answer polled on the run's record every ~5 ms.");
    Console.WriteLine("bare    = the same engine stack hosted in the bench (own sidecar and task hub, same Azurite and settings; the LocalHost's sidecar takes one worker only),");
    Console.WriteLine("          a trivial orchestrator waiting for one event; RaiseEvent → Completed polled with GetInstanceAsync every ~5 ms.");
    Console.WriteLine("clerk   = HTTP POST of Cabinet's vote until the answer with the new state (checked with a GET); same runs as engine, one after the other.");
    foreach (string failure in failures.Distinct().Take(5))
    {
        Console.WriteLine($"failure: {failure}");
    }

    return failures.Count == 0 ? 0 : 1;
}
finally
{
    if (launched is not null) await launched.DisposeAsync();
    await azurite.DisposeAsync();
    try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) ? value : fallback;
}
