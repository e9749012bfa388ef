using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Benchmarks;

/// <summary>
/// Hangfire and the outbox relay are outside what is measured: the engine still writes its timer and outbox
/// rows in each completion's transaction (that is the durable part); only the after-commit wake-ups, which
/// the Host hands to Hangfire and to the relay's in-memory signal, do nothing here.
/// </summary>
internal sealed class NoOpWakeUps : ITimerScheduler, IOutboxSignal
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt) { }

    public void Notify() { }
}
