using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>SMS on its own queue: a gateway outage must not hold up other channels.</summary>
public sealed class SmsNotificationConsumerDefinition() : SenderConsumerDefinition<SmsSender>("sms-notifications",
    // Alibaba Cloud's SendSms takes far more than a county sends; a few calls at once keep a burst short.
    concurrentMessageLimit: 4);
