namespace Shizhu.Notifications.InApp;

/// <summary>One person has read one notification; kept per person because a notification is shared by an audience.</summary>
public sealed class NotificationRead
{
    public required Guid NotificationId { get; init; }
    public required string UserName { get; init; }
    public required DateTimeOffset ReadAt { get; init; }
}
