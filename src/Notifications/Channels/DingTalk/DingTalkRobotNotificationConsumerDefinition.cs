using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>The DingTalk custom robot on its own queue; one robot takes 20 messages a minute, so one at a time.</summary>
public sealed class DingTalkRobotNotificationConsumerDefinition() : SenderConsumerDefinition<DingTalkRobotSender>("dingtalk-robot-notifications",
    concurrentMessageLimit: 1);
