using System.Diagnostics;

namespace Shizhu.Host.Setup;

/// <summary>
/// Where start-up spends its time (issue 16 item 3): each phase logged at Information with its own duration and the
/// time since the process started, so an operator (and the start-up benchmark) sees which step grew. Process-wide:
/// start-up happens once per process.
/// </summary>
public static class StartupTimeline
{
    private static readonly long ProcessStarted = Stopwatch.GetTimestamp() - (long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency);
    private static long _last = Stopwatch.GetTimestamp();
    private static readonly List<(string Phase, double Ms, double Since, Cost Cost)> Pending = [];
    private static ILogger? _logger;

    /// <summary>Ends the phase <paramref name="phase"/> now: logged at once when a logger is attached, else kept until one is.</summary>
    public static void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        var took = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _last, now), now).TotalMilliseconds;
        var since = Stopwatch.GetElapsedTime(ProcessStarted, now).TotalMilliseconds;
        var cost = Cost.SoFar();
        lock (Pending)
        {
            if (_logger is null) Pending.Add((phase, took, since, cost));
            else Log(_logger, phase, took, since, cost);
        }
    }

    /// <summary>Logs the phases marked before logging existed (the runtime's own start, building the Host).</summary>
    public static void Attach(ILogger logger)
    {
        lock (Pending)
        {
            _logger = logger;
            foreach (var (phase, ms, since, cost) in Pending) Log(logger, phase, ms, since, cost);
            Pending.Clear();
        }
    }

    private static void Log(ILogger logger, string phase, double ms, double since, Cost cost) =>
        logger.LogInformation("Start-up timeline: {Phase} took {Milliseconds:0} ms ({SinceProcessStart:0} ms since the process started; " +
            "CPU so far {CpuMilliseconds:0} ms, of it JIT {JitMilliseconds:0} ms for {JitMethods} methods)",
            phase, ms, since, cost.CpuMs, cost.JitMs, cost.JitMethods);

    /// <summary>
    /// The process's CPU time on all its threads and the JIT's share of it so far: on a machine with few cores start-up is
    /// bound by CPU, not by waiting, so these say more than the wall-clock durations about what a phase costs.
    /// </summary>
    private readonly record struct Cost(double CpuMs, double JitMs, long JitMethods)
    {
        public static Cost SoFar() => new(Environment.CpuUsage.TotalTime.TotalMilliseconds,
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, System.Runtime.JitInfo.GetCompiledMethodCount());
    }
}
