using Hangfire;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Timers;

/// <summary>
/// Wakes the engine for each durable timer through a Hangfire job. The delay is measured on the
/// application clock, which in simulated mode runs at the real rate from its anchor.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider clock) : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt)
    {
        var delay = dueAt - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero)
            jobs.Enqueue<TimerJobs>(j => j.FireAsync(timerId, CancellationToken.None));
        else
            jobs.Schedule<TimerJobs>(j => j.FireAsync(timerId, CancellationToken.None), delay);
    }
}
