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
        // Only the database can fail here (a busy SQLite file, a PostgreSQL fail-over): short retries suffice.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(
            TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
}
