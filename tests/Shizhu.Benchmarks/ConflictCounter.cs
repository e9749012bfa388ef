using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shizhu.Benchmarks;

/// <summary>
/// Counts SaveChanges calls that lost an optimistic-concurrency race (two completions on one workflow at once).
/// The engine retries those itself; the count says how much of the measured work was such a retry.
/// </summary>
internal sealed class ConflictCounter : SaveChangesInterceptor
{
    private long _conflicts;

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Count(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return Task.CompletedTask;
    }

    private void Count(DbContextErrorEventData eventData)
    {
        if (eventData.Exception is DbUpdateConcurrencyException) Interlocked.Increment(ref _conflicts);
    }
}
