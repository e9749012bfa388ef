using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>DingTalk work notifications on their own queue: a DingTalk outage must not hold up other channels.</summary>
public sealed class DingTalkNotificationConsumerDefinition() : SenderConsumerDefinition<DingTalkWorkNotificationSender>("dingtalk-notifications",
    concurrentMessageLimit: 4);
