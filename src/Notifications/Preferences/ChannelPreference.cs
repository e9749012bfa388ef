using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Preferences;

/// <summary>
/// A person's choice for one kind of message on one channel. Only choices that were made are stored; a kind and
/// channel without a row follow the county's default (<see cref="DeliveryPolicy"/>).
/// </summary>
public sealed class ChannelPreference
{
    public required string UserName { get; init; }
    public required MessageKind Kind { get; init; }
    public required string Channel { get; init; }
    public bool Enabled { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
