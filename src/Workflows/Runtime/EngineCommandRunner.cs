using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Runs one engine command as one transaction: the command changes tracked state and records journal,
/// outbox and timers through <see cref="EngineChanges"/>; a single write of the <see cref="IWorkflowStore"/> commits them together.
/// A lost optimistic-concurrency race is retried from a clean slate (the command re-reads and re-checks),
/// and only after the commit are timers scheduled and the relay woken.
/// </summary>
public sealed class EngineCommandRunner(WorkflowDbContext db, IWorkflowStore store, TimeProvider clock, ITimerScheduler timers, IOutboxSignal outbox)
{
    // A lost race is retried after a jittered, exponentially growing pause (full jitter: uniform in
    // [0, min(cap, base * 2^attempt))), so that dozens of completions in one workflow spread out instead of
    // colliding again in lock-step; 16 attempts sleep at most about 4 s in all before the caller hears 409 (ADR 0023).
    private const int MaxAttempts = 16;
    private static readonly TimeSpan RetryBase = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RetryCap = TimeSpan.FromMilliseconds(400);

    internal Task<T> RunAsync<T>(string actor, Func<EngineChanges, Task<T>> command, CancellationToken ct) =>
        RunAsync(actor, command, explicitTransaction: false, ct);

    /// <summary>
    /// As <see cref="RunAsync{T}(string, Func{EngineChanges, Task{T}}, CancellationToken)"/>, in an explicit transaction
    /// from the command's first read to the write: for a command whose reads lock rows (<c>FOR UPDATE SKIP LOCKED</c>,
    /// the batched timer firing, ADR 0041) and must hold them until its write commits.
    /// </summary>
    internal Task<T> RunInTransactionAsync<T>(string actor, Func<EngineChanges, Task<T>> command, CancellationToken ct) =>
        RunAsync(actor, command, explicitTransaction: true, ct);

    private async Task<T> RunAsync<T>(string actor, Func<EngineChanges, Task<T>> command, bool explicitTransaction, CancellationToken ct)
    {
        // One connection for the command's reads and its write, instead of one pool checkout per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await RunOnConnectionAsync(actor, command, explicitTransaction, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<T> RunOnConnectionAsync<T>(string actor, Func<EngineChanges, Task<T>> command, bool explicitTransaction, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var changes = new EngineChanges(db, store, clock.GetUtcNow(), actor);
            // Disposed uncommitted (a lost race, any failure) it rolls back, and the retry begins a new one.
            // Only where reads can lock rows (PostgreSQL): on SQLite the one writer holds the whole database anyway.
            await using var transaction = explicitTransaction && db.SupportsRowLocking ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var result = await command(changes);
                changes.SealJournal();
                await store.SaveAsync(ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
                store.Reset();
                foreach (var timer in changes.TimersToSchedule) timers.Schedule(timer.Id, timer.DueAt);
                if (changes.RaisedEvents) outbox.Notify();
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                store.Reset();
                // Release the rows the transaction locked before pausing, not after.
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
                // The pause spreads out rivals contending right now, in wall time: it is not a business deadline, so it
                // does not run on the application clock (a simulated or test clock may stand still and would never end it).
                await Task.Delay(RetryDelay(attempt), TimeProvider.System, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                store.Reset();
                throw WorkflowException.Conflict("数据已被他人同时修改，请刷新后重试。");
            }
            catch
            {
                store.Reset();
                throw;
            }
        }
    }

    private static TimeSpan RetryDelay(int attempt)
    {
        var ceiling = Math.Min(RetryCap.TotalMilliseconds, RetryBase.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
