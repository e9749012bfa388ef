using Shizhu.Notifications.Audiences;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// One way of reaching people (in-app, e-mail; WeCom, DingTalk and SMS later). A channel only delivers:
/// <see cref="NotificationConsumer{TChannel}"/> renders the event, skips an event the channel already delivered
/// and records the delivery, so a new channel is this interface, a consumer definition and one registration line.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's name from <see cref="Deliveries.Channels"/>, under which its deliveries are recorded.</summary>
    string Name { get; }

    /// <summary>
    /// Delivers the message to its audiences. Rows staged on the scope's <c>NotificationDbContext</c> are saved
    /// together with the processed mark, so they land at most once; throwing leaves the event unmarked, to be retried.
    /// </summary>
    Task DeliverAsync(AudienceMessage message, CancellationToken ct);
}
