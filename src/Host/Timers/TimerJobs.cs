using Hangfire;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Timers;

/// <summary>
/// Hangfire's entry points into the engine. Both are idempotent: a timer fires once however often it is
/// woken, so a job that runs twice (restart, two replicas) changes nothing the second time.
/// </summary>
public sealed class TimerJobs(TimerFiring firing, ILogger<TimerJobs> logger)
{
    public const string SweepJobId = "timer-sweep";

    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(Guid timerId, CancellationToken ct)
    {
        if (await firing.FireAsync(timerId, ct)) logger.LogInformation("Timer {TimerId} fired", timerId);
    }

    /// <summary>Fires every due timer: the safety net for lost wake-ups, and the step after the simulated clock moves.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var fired = await firing.FireDueAsync(ct);
        if (fired > 0) logger.LogInformation("Timer sweep fired {Count} timers", fired);
        return fired;
    }
}
