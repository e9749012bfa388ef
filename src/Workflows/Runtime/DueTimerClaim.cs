using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Takes the next batch of due timers for one firing transaction (ADR 0041). On PostgreSQL the rows are locked
/// <c>FOR UPDATE SKIP LOCKED</c>, so two sweepers (two replicas, or the sweep and a Hangfire wake-up) each take
/// timers the other has not and never wait on or fight over the same rows; the lock lasts until the batch commits.
/// On SQLite, where one writer holds the whole database, a plain query is enough and the timer's concurrency token
/// still lets only one of two racing firings commit.
/// </summary>
internal static class DueTimerClaim
{
    /// <summary>Tracked, oldest due first; timers of suspended workflows and those in <paramref name="skip"/> are left.</summary>
    public static async Task<List<WorkflowTimer>> TakeAsync(WorkflowDbContext db, DateTimeOffset now, int size, IReadOnlyCollection<Guid> skip, CancellationToken ct)
    {
        if (db.SupportsRowLocking)
        {
            var skipped = skip.ToArray();
            return await db.Timers.FromSqlRaw(LockingSql(db.Model), now, skipped, size).ToListAsync(ct);
        }
        return await db.Timers
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now && !skip.Contains(t.Id))
            .Where(t => !db.Workflows.Any(w => w.Id == t.WorkflowId && w.Status == WorkflowStatus.Suspended))
            .OrderBy(t => t.DueAt).Take(size).ToListAsync(ct);
    }

    /// <summary>One timer, if it is pending and not locked by another firing (PostgreSQL); null otherwise.</summary>
    public static async Task<WorkflowTimer?> TakeOneAsync(WorkflowDbContext db, Guid timerId, CancellationToken ct) =>
        db.SupportsRowLocking
            ? (await db.Timers.FromSqlRaw(LockingOneSql(db.Model), timerId).ToListAsync(ct)).SingleOrDefault()
            : await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);

    // Names from the EF Core model as the migrations map them (StoreNames); the parameters are {0} now, {1} the ids to
    // leave, {2} the batch size. The partial index on due_at over pending timers bounds the scan by the batch.
    private static string LockingSql(IModel model)
    {
        string T(string property) => "t." + StoreNames.Column<WorkflowTimer>(model, property);
        string W(string property) => "w." + StoreNames.Column<WorkflowInstance>(model, property);
        return $$"""
            SELECT t.* FROM {{StoreNames.Table<WorkflowTimer>(model)}} t
            WHERE {{T(nameof(WorkflowTimer.FiredAt))}} IS NULL AND {{T(nameof(WorkflowTimer.CancelledAt))}} IS NULL
              AND {{T(nameof(WorkflowTimer.DueAt))}} <= {0} AND NOT ({{T(nameof(WorkflowTimer.Id))}} = ANY({1}))
              AND NOT EXISTS (SELECT 1 FROM {{StoreNames.Table<WorkflowInstance>(model)}} w
                              WHERE {{W(nameof(WorkflowInstance.Id))}} = {{T(nameof(WorkflowTimer.WorkflowId))}}
                                AND {{W(nameof(WorkflowInstance.Status))}} = '{{nameof(WorkflowStatus.Suspended)}}')
            ORDER BY {{T(nameof(WorkflowTimer.DueAt))}}
            LIMIT {2}
            FOR UPDATE OF t SKIP LOCKED
            """;
    }

    private static string LockingOneSql(IModel model) =>
        $"SELECT * FROM {StoreNames.Table<WorkflowTimer>(model)} WHERE {StoreNames.Column<WorkflowTimer>(model, nameof(WorkflowTimer.Id))} = {{0}} FOR UPDATE SKIP LOCKED";
}
