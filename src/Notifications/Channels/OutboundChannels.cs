using Microsoft.Extensions.Configuration;
using Shizhu.Notifications.Outbound.DingTalk;
using Shizhu.Notifications.Outbound.Sms;
using Shizhu.Notifications.Outbound.WeCom;

namespace Shizhu.Notifications.Outbound;

/// <summary>
/// Which external channels configuration switches on, read once at start-up: a provider's section with
/// <c>Enabled=true</c> and the settings of one of its APIs. This one answer decides the senders registered, the
/// consumers on the bus and the consumers the outbox reconciliation waits for, so the three cannot disagree.
/// </summary>
public static class OutboundChannels
{
    /// <summary>The enabled channels' names (<see cref="Deliveries.Channels"/>), in a fixed order.</summary>
    public static IReadOnlyList<string> Enabled(IConfiguration configuration)
    {
        var enabled = new List<string>();
        var weCom = configuration.GetSection(WeComOptions.Section).Get<WeComOptions>() ?? new();
        if (weCom.Enabled && weCom.ApplicationConfigured) enabled.Add(Deliveries.Channels.WeCom);
        if (weCom.Enabled && weCom.RobotConfigured) enabled.Add(Deliveries.Channels.WeComRobot);
        var dingTalk = configuration.GetSection(DingTalkOptions.Section).Get<DingTalkOptions>() ?? new();
        if (dingTalk.Enabled && dingTalk.ApplicationConfigured) enabled.Add(Deliveries.Channels.DingTalk);
        if (dingTalk.Enabled && dingTalk.RobotConfigured) enabled.Add(Deliveries.Channels.DingTalkRobot);
        if (configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Enabled == true) enabled.Add(Deliveries.Channels.Sms);
        return enabled;
    }
}
