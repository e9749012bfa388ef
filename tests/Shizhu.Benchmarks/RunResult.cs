namespace Shizhu.Benchmarks;

/// <summary>One measured run: <see cref="Completions"/> committed inside the measured window of <see cref="Measured"/>.</summary>
internal sealed record RunResult(
    int Workers,
    long Completions,
    TimeSpan Measured,
    TimeSpan P50,
    TimeSpan P95,
    TimeSpan P99,
    long AllCompletions,
    long Conflicts,
    long Failures,
    bool PoolRanOut,
    TimeSpan ClientCpu,
    TimeSpan? ServerCpu,
    long Allocated,
    long Jitted,
    double? StealPercent,
    Ledger Growth)
{
    public double PerSecond => Completions / Measured.TotalSeconds;

    public bool Verified => Growth.Accounts(AllCompletions);

    /// <summary>CPU milliseconds per completion (client, server), over the measured window.</summary>
    public double ClientCpuMs => ClientCpu.TotalMilliseconds / Math.Max(1, Completions);

    /// <summary>Managed memory allocated per completion over the measured window, in KB: steady under machine load, unlike time.</summary>
    public double AllocatedKb => Allocated / 1024.0 / Math.Max(1, Completions);

    public double? ServerCpuMs => ServerCpu is { } s ? s.TotalMilliseconds / Math.Max(1, Completions) : null;
}
