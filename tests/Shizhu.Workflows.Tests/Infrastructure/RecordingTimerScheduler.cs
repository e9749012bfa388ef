using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Stands for Hangfire: records every wake-up the engine asks for, and whether the timer's row was
/// already written when it asked (the engine must schedule only after its commit).
/// </summary>
public sealed class RecordingTimerScheduler(Func<Guid, bool> timerRowExists) : ITimerScheduler
{
    private readonly List<ScheduledTimer> _scheduled = [];

    public IReadOnlyList<ScheduledTimer> Scheduled => _scheduled;

    public void Schedule(Guid timerId, DateTimeOffset dueAt) =>
        _scheduled.Add(new ScheduledTimer(timerId, dueAt, timerRowExists(timerId)));
}

public sealed record ScheduledTimer(Guid TimerId, DateTimeOffset DueAt, bool RowWasWritten);
