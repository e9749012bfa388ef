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
    private static readonly List<(string Phase, double Ms, double Since)> Pending = [];
    private static ILogger? _logger;

    /// <summary>Ends the phase <paramref name="phase"/> now: logged at once when a logger is attached, else kept until one is.</summary>
    public static void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        var took = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _last, now), now).TotalMilliseconds;
        var since = Stopwatch.GetElapsedTime(ProcessStarted, now).TotalMilliseconds;
        lock (Pending)
        {
            if (_logger is null) Pending.Add((phase, took, since));
            else Log(_logger, phase, took, since);
        }
    }

    /// <summary>Logs the phases marked before logging existed (the runtime's own start, building the Host).</summary>
    public static void Attach(ILogger logger)
    {
        lock (Pending)
        {
            _logger = logger;
            foreach (var (phase, ms, since) in Pending) Log(logger, phase, ms, since);
            Pending.Clear();
        }
    }

    private static void Log(ILogger logger, string phase, double ms, double since) =>
        logger.LogInformation("Start-up timeline: {Phase} took {Milliseconds:0} ms ({SinceProcessStart:0} ms since the process started)", phase, ms, since);
}
