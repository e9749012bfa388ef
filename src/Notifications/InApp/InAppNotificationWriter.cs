using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.InApp;

/// <summary>
/// The in-app channel: one notification row per audience of a message. It only stages the rows; the pipeline saves
/// them with the processed mark in one SaveChanges, so an event's notifications exist exactly once.
/// </summary>
public sealed class InAppNotificationWriter(NotificationDbContext db, TimeProvider clock) : INotificationChannel
{
    public string Name => Channels.InApp;

    public Task DeliverAsync(AudienceMessage message, CancellationToken ct)
    {
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
                AudienceUserName = audience.UserName,
                Title = message.Title,
                Body = message.Body,
                WorkflowId = message.WorkflowId,
                TaskId = message.TaskId,
            });
        }

        return Task.CompletedTask;
    }
}
