using System.Diagnostics;
using System.Diagnostics.Metrics;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Telemetry;

/// <summary>
/// The engine's instruments on the meter <see cref="MeterName"/> (ADR 0043): commands run and their duration by command
/// and outcome (a task completion is the command <c>complete-task</c>), and timers fired. Counters and
/// histograms only — no I/O on the command path; the backlogs (outbox, timers due) are gauges the Host reads on scrape.
/// Static because a meter is process-wide and the instruments cost nothing until a listener (the Host's OpenTelemetry
/// metrics) subscribes.
/// </summary>
public static class EngineMetrics
{
    public const string MeterName = "Shizhu.Workflows";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "shizhu.engine.commands", unit: "{command}", description: "Engine commands run, by command and outcome (ok, refused, failed).");

    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "shizhu.engine.command.duration", unit: "s", description: "Time an engine command took from its first read to its commit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });

    private static readonly Counter<long> FiredTimers = Meter.CreateCounter<long>(
        "shizhu.timers.fired", unit: "{timer}", description: "Durable timers fired (counted after their transaction committed).");

    /// <summary>Runs a command and records it; <paramref name="command"/> is the idempotency pipeline's command name.</summary>
    public static async Task<T> MeasureAsync<T>(string command, Task<T> running)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await running;
            outcome = "ok";
            return result;
        }
        catch (WorkflowException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            var tags = new TagList { { "command", command }, { "outcome", outcome } };
            Commands.Add(1, tags);
            CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public static void TimersFired(int count) => FiredTimers.Add(count);
}
