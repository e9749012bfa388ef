using Microsoft.Extensions.Time.Testing;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// A fake clock that reads like a real one: <see cref="TimeProvider.System"/> answers UTC (offset 0), whatever offset a
/// test set the time with (tests write China's +08:00 for readability). PostgreSQL refuses any other offset for
/// <c>timestamptz</c>, so a fake clock that kept +08:00 would fail on a path production never takes.
/// </summary>
public sealed class UtcFakeTimeProvider(DateTimeOffset now) : FakeTimeProvider(now)
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().ToUniversalTime();
}
