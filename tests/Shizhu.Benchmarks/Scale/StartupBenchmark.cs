using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// <c>run.sh --startup [runs]</c>: the Host as deploy/Dockerfile publishes it (Release, ReadyToRun, <c>dotnet Shizhu.Host.dll</c>)
/// started against PostgreSQL, timed from process start to the first 200 of <c>/health/ready</c> — first on an empty database
/// (migrations and seeding), then <c>runs</c> times on that existing database, alternating with an empty ASP.NET Core app
/// published and started the same way (<c>tests/Shizhu.Benchmarks.EmptyApp</c>); prints median and p95 of both, their
/// ratio, the CPU time each had used by then (on a machine with few cores the start is bound by CPU), and the last
/// start's timeline. Without <c>--published</c> (run.sh passes it) the plain Release builds are started.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string serverConnection, int runs, string? published, CancellationToken ct)
    {
        var root = RepositoryRoot();
        // The plain build runs from the project folder (its content root); a publish folder holds its own appsettings.
        var (host, empty, hostDirectory) = published is null
            ? (Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Shizhu.Host.dll"),
                Path.Combine(root, "tests", "Shizhu.Benchmarks.EmptyApp", "bin", "Release", "net10.0", "Shizhu.Benchmarks.EmptyApp.dll"),
                Path.Combine(root, "src", "Host"))
            : (Path.Combine(published, "host", "Shizhu.Host.dll"), Path.Combine(published, "empty", "Shizhu.Benchmarks.EmptyApp.dll"),
                Path.Combine(published, "host"));
        foreach (var dll in new[] { host, empty })
            if (!File.Exists(dll)) throw new FileNotFoundException("Build it first (run.sh does): " + dll);
        const string database = "shizhu_startup";
        await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        var connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;

        var first = await StartAsync(host, hostDirectory, HostSettings(connection), ct);
        Console.Error.WriteLine($"[startup] first start on an empty database: {first.Ready.TotalSeconds:0.00} s");
        var hostTimes = new List<double>();
        var emptyTimes = new List<double>();
        var hostCpu = new List<double>();
        var emptyCpu = new List<double>();
        StartRun last = first;
        for (var i = 0; i < runs; i++)
        {
            last = await StartAsync(host, hostDirectory, HostSettings(connection), ct);
            hostTimes.Add(last.Ready.TotalMilliseconds);
            hostCpu.Add(last.Cpu.TotalMilliseconds);
            var yardstick = await StartAsync(empty, Path.GetDirectoryName(empty)!, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, ct);
            emptyTimes.Add(yardstick.Ready.TotalMilliseconds);
            emptyCpu.Add(yardstick.Cpu.TotalMilliseconds);
            Console.Error.WriteLine($"[startup] run {i + 1}: Host {last.Ready.TotalMilliseconds:0} ms (CPU {last.Cpu.TotalMilliseconds:0} ms), " +
                $"empty app {yardstick.Ready.TotalMilliseconds:0} ms (CPU {yardstick.Cpu.TotalMilliseconds:0} ms); load {MachineLoad.Read()}");
        }
        await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);

        Console.WriteLine(published is null ? "Release builds (dotnet build)" : "Published as deploy/Dockerfile does (Release, ReadyToRun for linux-x64)");
        Console.WriteLine("| start | runs | median | p95 | CPU at ready, median |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| Host, first start on an empty database | 1 | {first.Ready.TotalMilliseconds:0} ms | — | {first.Cpu.TotalMilliseconds:0} ms |");
        Console.WriteLine($"| Host, existing database | {runs} | {Percentile(hostTimes, 0.5):0} ms | {Percentile(hostTimes, 0.95):0} ms | {Percentile(hostCpu, 0.5):0} ms |");
        Console.WriteLine($"| empty ASP.NET Core app | {runs} | {Percentile(emptyTimes, 0.5):0} ms | {Percentile(emptyTimes, 0.95):0} ms | {Percentile(emptyCpu, 0.5):0} ms |");
        Console.WriteLine($"\nHost / empty app (medians): {Percentile(hostTimes, 0.5) / Percentile(emptyTimes, 0.5):0.0} ×; load average {MachineLoad.Read()}");
        Console.WriteLine("\nThe last start's timeline (the Host's own log):");
        foreach (var line in last.Timeline) Console.WriteLine("    " + line);
        return 0;
    }

    private static Dictionary<string, string> HostSettings(string connection) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = connection,
        ["Bus__Transport"] = "InMemory",
        ["Scheduler__Storage"] = "Postgres",
        ["Clock__Mode"] = "Simulated",
        ["Clock__StateFile"] = "",
        ["Seed__DemoUsers"] = "true",
        ["Evidence__RootPath"] = Path.Combine(Path.GetTempPath(), "shizhu-startup-evidence"),
    };

    /// <summary>One start: wall-clock time to ready, the process's CPU time (all threads) at that moment, its timeline.</summary>
    private sealed record StartRun(TimeSpan Ready, TimeSpan Cpu, IReadOnlyList<string> Timeline);

    /// <summary>Starts the dll, polls /health/ready until 200, then kills the process; answers the time to ready.</summary>
    private static async Task<StartRun> StartAsync(string dll, string workingDirectory, Dictionary<string, string> settings, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var timeline = new List<string>();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Start-up timeline", StringComparison.Ordinal) == true) lock (timeline) timeline.Add(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode}");
                if (stopwatch.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"{dll} was not ready within 2 minutes");
                try
                {
                    using var response = await client.GetAsync("/health/ready", ct);
                    if (response.StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Listening but slower than the client's timeout (a loaded machine): ask again.
                }
                await Task.Delay(20, ct);
            }
            var ready = stopwatch.Elapsed;
            // Read before anything else: the Host keeps working after ready (recurring jobs, the outbox's first pass).
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            await LastTimelineLinesAsync(timeline, ct);
            lock (timeline) return new StartRun(ready, cpu, [.. timeline]);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits (at most 5 s) until the Host's last two timeline lines have been read from its output: readiness can answer
    /// just before they are logged. The empty app logs no timeline and does not wait.
    /// </summary>
    private static async Task LastTimelineLinesAsync(List<string> timeline, CancellationToken ct)
    {
        bool Complete()
        {
            lock (timeline)
                return timeline.Count == 0 || (timeline.Any(l => l.Contains(": ready", StringComparison.Ordinal))
                    && timeline.Any(l => l.Contains("listening", StringComparison.Ordinal)));
        }
        var limit = Stopwatch.StartNew();
        while (!Complete() && limit.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(10, ct);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shizhu.Workflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root is not above " + AppContext.BaseDirectory);
    }
}
