using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications.Idempotency;

/// <summary>
/// Makes a consumer idempotent by event id: check <see cref="ContainsAsync"/> first, stage the consumer's
/// effect on the same DbContext, then <see cref="Mark"/> and <see cref="CommitAsync"/> so the effect and
/// the mark land in one SaveChanges.
/// </summary>
public sealed class ProcessedEventLog(NotificationDbContext db, TimeProvider clock, ILogger<ProcessedEventLog> logger)
{
    public Task<bool> ContainsAsync(string consumer, Guid eventId, CancellationToken ct) =>
        db.ProcessedEvents.AnyAsync(p => p.Consumer == consumer && p.EventId == eventId, ct);

    public void Mark(string consumer, Guid eventId) =>
        db.ProcessedEvents.Add(new ProcessedEvent { Consumer = consumer, EventId = eventId, ProcessedAt = clock.GetUtcNow() });

    /// <summary>
    /// Saves everything staged. False when a concurrent delivery of the same event committed first (the
    /// primary key refused our mark): its effect stands, ours is discarded, and the event counts as done.
    /// </summary>
    public async Task<bool> CommitAsync(string consumer, Guid eventId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Event {EventId} was already processed by {Consumer} in a concurrent delivery", eventId, consumer);
            return false;
        }
    }
}
