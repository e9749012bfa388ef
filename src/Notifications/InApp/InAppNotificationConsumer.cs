using MassTransit;
using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.InApp;

/// <summary>Hands every domain event to the in-app writer; the audience rules decide who sees it.</summary>
public sealed class InAppNotificationConsumer(InAppNotificationWriter writer) :
    IConsumer<WorkflowStarted>,
    IConsumer<StageEntered>,
    IConsumer<TaskCreated>,
    IConsumer<TaskCompleted>,
    IConsumer<TaskOverdue>,
    IConsumer<WorkflowCompleted>,
    IConsumer<TaskEscalated>,
    IConsumer<IncidentRaised>,
    IConsumer<MessageDelivered>,
    IConsumer<TaskAssigned>,
    IConsumer<WorkflowCancelled>,
    IConsumer<WorkflowSuspended>,
    IConsumer<WorkflowResumed>
{
    public Task Consume(ConsumeContext<WorkflowStarted> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<StageEntered> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCreated> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCompleted> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskOverdue> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCompleted> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskEscalated> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<IncidentRaised> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<MessageDelivered> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskAssigned> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCancelled> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowSuspended> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowResumed> context) => writer.WriteAsync(AudienceRules.For(context.Message), context.CancellationToken);
}
