using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Configuration;

/// <summary><c>Scheduler</c>: Hangfire's storage. Embedded default: in-memory; production: PostgreSQL.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";
    public SchedulerStorage Storage { get; set; } = SchedulerStorage.InMemory;
    /// <summary>PostgreSQL connection string for Hangfire; defaults to <c>Database:ConnectionString</c>.</summary>
    public string? ConnectionString { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Run the Hangfire server in this process (every replica may; jobs are taken once).</summary>
    public bool RunServer { get; set; } = true;
    /// <summary>
    /// Firing loops one sweep runs side by side (each its own scope and connection, taking disjoint batches with
    /// SKIP LOCKED on PostgreSQL; ADR 0041). Two keep a two-core Host busy while the other loop waits on the database.
    /// </summary>
    public int SweepParallelism { get; set; } = 2;
    /// <summary>
    /// Timers one firing loop claims and fires in one transaction (ADR 0041). Smaller batches spread a sweep over more
    /// loops and replicas at the cost of more transactions; the replica test uses 2 so both replicas fire.
    /// </summary>
    public int SweepBatchSize { get; set; } = TimerFiring.DefaultBatchSize;
}

public enum SchedulerStorage
{
    InMemory,
    Postgres,
}
