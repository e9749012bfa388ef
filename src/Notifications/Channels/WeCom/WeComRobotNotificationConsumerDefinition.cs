using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>The WeCom group robot on its own queue; one robot takes 20 messages a minute, so one at a time.</summary>
public sealed class WeComRobotNotificationConsumerDefinition() : SenderConsumerDefinition<WeComRobotSender>("wecom-robot-notifications",
    concurrentMessageLimit: 1);
