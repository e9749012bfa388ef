using MassTransit;
using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Email;

/// <summary>Its own queue and retry policy: a mail server that is down must not hold up in-app notifications.</summary>
public sealed class EmailNotificationConsumerDefinition : ConsumerDefinition<NotificationConsumer<EmailDispatcher>>
{
    public EmailNotificationConsumerDefinition()
    {
        EndpointName = "email-notifications";
        // Mail servers throttle parallel sessions from one sender; a county's volume needs no more.
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotificationConsumer<EmailDispatcher>> consumerConfigurator,
        IRegistrationContext context) =>
        // Spread out so a restarting mail server or database has time to come back (several minutes in all,
        // ADR 0023); each attempt opens a new scope, and the delivery log keeps already-served addresses from
        // being mailed again. The Host's outbox reconciliation republishes what is still unprocessed after that.
        endpointConfigurator.UseMessageRetry(r => r.Exponential(
            12, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)));
}
