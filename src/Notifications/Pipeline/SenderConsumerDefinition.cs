using MassTransit;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// Queue and retry for an external channel's consumer. The provider's outages are retried by the delivery log's sweep
/// (durable, across restarts), not here: this retry only covers the pipeline's own failures — the database or the
/// user directory briefly unreachable — and the Host's outbox reconciliation republishes what is still unprocessed.
/// </summary>
public abstract class SenderConsumerDefinition<TSender> : ConsumerDefinition<NotificationConsumer<SenderChannel<TSender>>>
    where TSender : Sending.IMessageSender
{
    protected SenderConsumerDefinition(string endpointName, int concurrentMessageLimit)
    {
        EndpointName = endpointName;
        ConcurrentMessageLimit = concurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotificationConsumer<SenderChannel<TSender>>> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Exponential(
            12, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)));
}
