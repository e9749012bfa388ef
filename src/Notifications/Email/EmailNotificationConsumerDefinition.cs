using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Email;

/// <summary>Its own queue: a mail server that is down must not hold up in-app notifications.</summary>
public sealed class EmailNotificationConsumerDefinition() : SenderConsumerDefinition<EmailSender>("email-notifications",
    // Mail servers throttle parallel sessions from one sender; a county's volume needs no more.
    concurrentMessageLimit: 2);
