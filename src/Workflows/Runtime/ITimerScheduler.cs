namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Wakes the engine when a durable timer falls due. Called after the commit that created the timer;
/// losing a wake-up is harmless because the Host also sweeps for due timers.
/// </summary>
public interface ITimerScheduler
{
    void Schedule(Guid timerId, DateTimeOffset dueAt);
}
