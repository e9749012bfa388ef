namespace Shizhu.Host.Clock;

/// <summary>
/// The demo's clock: time flows at the real rate from an anchor that an administrator can move forward,
/// never back (timers that fired stay fired). Timers scheduled by delay therefore stay correct, and
/// moving the anchor is followed by a sweep that fires whatever fell due.
/// </summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start, TimeProvider real, Action<DateTimeOffset>? advanced = null) : TimeProvider
{
    private sealed record Anchor(DateTimeOffset Simulated, DateTimeOffset Real);

    private Anchor _anchor = new(start.ToUniversalTime(), real.GetUtcNow());

    public override DateTimeOffset GetUtcNow()
    {
        var anchor = Volatile.Read(ref _anchor);
        return anchor.Simulated + (real.GetUtcNow() - anchor.Real);
    }

    /// <summary>Moves time forward to <paramref name="to"/>; answers false if that is not in the future.</summary>
    public bool AdvanceTo(DateTimeOffset to)
    {
        while (true)
        {
            var current = Volatile.Read(ref _anchor);
            var realNow = real.GetUtcNow();
            if (to <= current.Simulated + (realNow - current.Real)) return false;
            if (Interlocked.CompareExchange(ref _anchor, new Anchor(to.ToUniversalTime(), realNow), current) != current) continue;
            advanced?.Invoke(to.ToUniversalTime());
            return true;
        }
    }
}
