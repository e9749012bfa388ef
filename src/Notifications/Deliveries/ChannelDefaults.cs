using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The defaults a channel has when the county office sets nothing: e-mail carries everything (as before the
/// pipeline), WeCom and DingTalk all but progress news, SMS — paid per message and read at once — only what needs
/// acting on, and is silent at night. DingTalk robots accept 20 messages a minute, WeCom 30 per member a minute.
/// </summary>
public static class ChannelDefaults
{
    // The channels engineer's names (issue 15); compared case-insensitively.
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
    public const string Sms = "sms";

    public static readonly MessageKind[] AllKinds = Enum.GetValues<MessageKind>();

    static readonly MessageKind[] Actionable =
        [MessageKind.TaskAssigned, MessageKind.Reminder, MessageKind.Overdue, MessageKind.Escalation, MessageKind.Urge];

    static readonly MessageKind[] Urgent = [MessageKind.Overdue, MessageKind.Escalation, MessageKind.Urge];

    public static MessageKind[] AllowedKinds(string channel) => Is(channel, Sms) ? Actionable : AllKinds;

    public static MessageKind[] DefaultKinds(string channel) =>
        Is(channel, Sms) ? Urgent
        : Is(channel, WeCom) || Is(channel, DingTalk) ? [.. AllKinds.Where(k => k != MessageKind.Progress)]
        : AllKinds;

    public static bool QuietHours(string channel) => Is(channel, Sms);

    public static (int Permits, TimeSpan Window)? RateLimit(string channel) =>
        Is(channel, DingTalk) ? (20, TimeSpan.FromMinutes(1))
        : Is(channel, WeCom) ? (30, TimeSpan.FromMinutes(1))
        : null;

    static bool Is(string channel, string name) => string.Equals(channel, name, StringComparison.OrdinalIgnoreCase);
}
