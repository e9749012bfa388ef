namespace Shizhu.Benchmarks.Scale;

/// <summary>The real clock plus an offset the benchmark moves forward, as the Host's simulated clock is moved.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock so that it reads <paramref name="at"/> now (never backwards).</summary>
    public void MoveTo(DateTimeOffset at)
    {
        var offset = (at - base.GetUtcNow()).Ticks;
        if (offset > Interlocked.Read(ref _offsetTicks)) Interlocked.Exchange(ref _offsetTicks, offset);
    }
}
