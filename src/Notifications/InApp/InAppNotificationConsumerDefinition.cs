using MassTransit;
using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.InApp;

/// <summary>Its own queue, so in-app notifications never wait behind a slow mail server.</summary>
public sealed class InAppNotificationConsumerDefinition : ConsumerDefinition<NotificationConsumer<InAppNotificationWriter>>
{
    public InAppNotificationConsumerDefinition()
    {
        EndpointName = "in-app-notifications";
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotificationConsumer<InAppNotificationWriter>> consumerConfigurator,
        IRegistrationContext context) =>
        // Only the database can fail here. A PostgreSQL restart or fail-over takes tens of seconds, so the
        // attempts back off exponentially for several minutes before the message is dead-lettered (ADR 0023);
        // the Host's outbox reconciliation republishes whatever is still unprocessed after that.
        endpointConfigurator.UseMessageRetry(r => r.Exponential(
            12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1)));
}
