using Shizhu.Notifications.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Idempotency;
using Shizhu.Notifications.Texts;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// The one consumer pipeline every channel runs in: each domain event is rendered for people by
/// <see cref="AudienceRules"/> and handed to <typeparamref name="TChannel"/> at most once per event (at-least-once
/// delivery redelivers; the processed-events log, keyed by channel and event, makes that harmless). Endpoint,
/// concurrency and retry belong to the channel's <c>ConsumerDefinition</c>.
/// </summary>
public sealed class NotificationConsumer<TChannel>(
    TChannel channel, ProcessedEventLog processed, ILogger<NotificationConsumer<TChannel>> logger) :
    IConsumer<WorkflowStarted>,
    IConsumer<StageEntered>,
    IConsumer<TaskCreated>,
    IConsumer<TaskCompleted>,
    IConsumer<TaskOverdue>,
    IConsumer<WorkflowCompleted>,
    IConsumer<TaskAlertRaised>,
    IConsumer<IncidentRaised>,
    IConsumer<MessageDelivered>,
    IConsumer<TaskAssigned>,
    IConsumer<WorkflowCancelled>,
    IConsumer<WorkflowSuspended>,
    IConsumer<WorkflowResumed>,
    IConsumer<TaskCancelled>,
    IConsumer<WorkflowMigrated>,
    IConsumer<TaskUrged>,
    IConsumer<TownshipUrged>,
    IConsumer<DailyDigestDue>,
    IConsumer<TaskHandedOver>,
    IConsumer<BulletinPublished>
    where TChannel : INotificationChannel
{
    public Task Consume(ConsumeContext<WorkflowStarted> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<StageEntered> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCreated> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCompleted> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskOverdue> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCompleted> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskAlertRaised> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<IncidentRaised> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<MessageDelivered> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskAssigned> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCancelled> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowSuspended> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowResumed> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCancelled> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowMigrated> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskUrged> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TownshipUrged> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DailyDigestDue> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskHandedOver> context) => DeliverOnceAsync(TaskOperationTexts.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<BulletinPublished> context) => DeliverOnceAsync(AudienceRules.For(context.Message), context.CancellationToken);

    async Task DeliverOnceAsync(AudienceMessage message, CancellationToken ct)
    {
        if (await processed.ContainsAsync(channel.Name, message.EventId, ct))
        {
            logger.LogDebug("Event {EventId} was already delivered through {Channel}; redelivery ignored", message.EventId, channel.Name);
            return;
        }

        await channel.DeliverAsync(message, ct);

        processed.Mark(channel.Name, message.EventId);
        if (await processed.CommitAsync(channel.Name, message.EventId, ct))
        {
            NotificationMetrics.EventDelivered(channel.Name);
            logger.LogInformation("Delivered event {EventId} through {Channel} to {Audiences} audiences",
                message.EventId, channel.Name, message.Audiences.Count);
        }
    }
}
