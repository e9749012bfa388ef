namespace Shizhu.Workflows.Events;

/// <summary>
/// Maps the names stored in the outbox to the event types, so the relay can publish a row without
/// reflection over arbitrary type names (a row can only ever become one of these types).
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new[]
    {
        typeof(WorkflowStarted), typeof(StageEntered), typeof(TaskCreated),
        typeof(TaskCompleted), typeof(TaskOverdue), typeof(WorkflowCompleted),
        typeof(IncidentRaised), typeof(TaskAlertRaised), typeof(MessageDelivered),
        typeof(TaskAssigned), typeof(WorkflowCancelled), typeof(WorkflowSuspended), typeof(WorkflowResumed),
        typeof(TaskCancelled), typeof(WorkflowMigrated), typeof(TaskHandedOver), typeof(BulletinPublished),
        typeof(TaskUrged), typeof(TownshipUrged), typeof(DailyDigestDue),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> All => [.. ByName.Values];
}
