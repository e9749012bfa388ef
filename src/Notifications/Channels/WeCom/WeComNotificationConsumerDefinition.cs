using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>WeCom application messages on their own queue: a WeCom outage must not hold up other channels.</summary>
public sealed class WeComNotificationConsumerDefinition() : SenderConsumerDefinition<WeComApplicationSender>("wecom-notifications",
    // WeCom allows 30 messages a minute per member and a few thousand per application; the throttle paces the rest.
    concurrentMessageLimit: 4);
