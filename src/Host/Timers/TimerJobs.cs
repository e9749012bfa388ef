using Hangfire;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Timers;

/// <summary>
/// Hangfire's entry points into the engine. Both are idempotent: a timer fires once however often it is
/// woken, so a job that runs twice (restart, two replicas) changes nothing the second time.
/// </summary>
public sealed class TimerJobs(TimerFiring firing, IServiceScopeFactory scopes, WorkflowDbContext db, IOptions<SchedulerOptions> options,
    ILogger<TimerJobs> logger)
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
        // On SQLite one writer holds the database: a second loop would only wait for it.
        var loops = db.SupportsRowLocking ? Math.Max(1, options.Value.SweepParallelism) : 1;
        var batch = Math.Max(1, options.Value.SweepBatchSize);
        var fired = loops == 1
            ? await firing.FireDueAsync(ct, batch)
            : (await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => FireDueInOwnScopeAsync(batch, ct)))).Sum();
        if (fired > 0) logger.LogInformation("Timer sweep fired {Count} timers", fired);
        return fired;
    }

    private async Task<int> FireDueInOwnScopeAsync(int batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimerFiring>().FireDueAsync(ct, batch);
    }
}
