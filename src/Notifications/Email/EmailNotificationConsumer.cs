using MassTransit;
using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Email;

/// <summary>Hands every domain event to the e-mail dispatcher; the audience rules decide who gets mail.</summary>
public sealed class EmailNotificationConsumer(EmailDispatcher dispatcher) :
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
    public Task Consume(ConsumeContext<WorkflowStarted> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<StageEntered> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCreated> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCompleted> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskOverdue> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCompleted> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskEscalated> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<IncidentRaised> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<MessageDelivered> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TaskAssigned> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowCancelled> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowSuspended> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<WorkflowResumed> context) => dispatcher.DispatchAsync(AudienceRules.For(context.Message), context.CancellationToken);
}
