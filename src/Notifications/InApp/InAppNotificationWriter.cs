using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Idempotency;
using Shizhu.Notifications.Persistence;

namespace Shizhu.Notifications.InApp;

/// <summary>Writes one notification row per audience of a message, once per event.</summary>
public sealed class InAppNotificationWriter(
    NotificationDbContext db, ProcessedEventLog processed, TimeProvider clock, ILogger<InAppNotificationWriter> logger)
{
    public const string ConsumerName = "in-app";

    public async Task WriteAsync(AudienceMessage message, CancellationToken ct)
    {
        if (await processed.ContainsAsync(ConsumerName, message.EventId, ct))
        {
            logger.LogDebug("Event {EventId} already has its in-app notifications; redelivery ignored", message.EventId);
            return;
        }

        // Time-ordered ids keep inserts at the end of the primary-key index.
        var now = clock.GetUtcNow();
        foreach (var audience in message.Audiences)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                EventId = message.EventId,
                At = message.OccurredAt,
                AudienceRole = audience.Role,
                AudienceTownshipCode = audience.TownshipCode,
                AudienceDepartmentCode = audience.DepartmentCode,
                Title = message.Title,
                Body = message.Body,
                WorkflowId = message.WorkflowId,
            });
        }

        processed.Mark(ConsumerName, message.EventId);
        if (await processed.CommitAsync(ConsumerName, message.EventId, ct))
            logger.LogInformation("Wrote {Count} in-app notifications for event {EventId}", message.Audiences.Count, message.EventId);
    }
}
