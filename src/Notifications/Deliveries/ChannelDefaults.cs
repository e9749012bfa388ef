using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The defaults a channel has when the county office sets nothing: e-mail carries everything (as before the
/// pipeline), WeCom and DingTalk all but progress news, SMS — paid per message and read at once — only what needs
/// acting on, and is silent at night. DingTalk and WeCom group robots accept 20 messages a minute, WeCom applications
/// 30 per member a minute. Channel names are <see cref="Channels"/>' (the one set), compared case-insensitively.
/// </summary>
public static class ChannelDefaults
{
    public static readonly MessageKind[] AllKinds = Enum.GetValues<MessageKind>();

    static readonly MessageKind[] Actionable =
        [MessageKind.TaskAssigned, MessageKind.Reminder, MessageKind.Overdue, MessageKind.Escalation, MessageKind.Urge];

    static readonly MessageKind[] Urgent = [MessageKind.Overdue, MessageKind.Escalation, MessageKind.Urge];

    public static MessageKind[] AllowedKinds(string channel) => Is(channel, Channels.Sms) ? Actionable : AllKinds;

    public static MessageKind[] DefaultKinds(string channel) =>
        Is(channel, Channels.Sms) ? Urgent
        : IsWorkMessenger(channel) ? [.. AllKinds.Where(k => k != MessageKind.Progress)]
        : AllKinds;

    public static bool QuietHours(string channel) => Is(channel, Channels.Sms);

    public static (int Permits, TimeSpan Window)? RateLimit(string channel) =>
        Is(channel, Channels.DingTalk) || Is(channel, Channels.DingTalkRobot) || Is(channel, Channels.WeComRobot) ? (20, TimeSpan.FromMinutes(1))
        : Is(channel, Channels.WeCom) ? (30, TimeSpan.FromMinutes(1))
        : null;

    /// <summary>WeCom and DingTalk, application or robot: read at work, so everything but progress news by default.</summary>
    static bool IsWorkMessenger(string channel) =>
        Is(channel, Channels.WeCom) || Is(channel, Channels.WeComRobot) || Is(channel, Channels.DingTalk) || Is(channel, Channels.DingTalkRobot);

    static bool Is(string channel, string name) => string.Equals(channel, name, StringComparison.OrdinalIgnoreCase);
}
