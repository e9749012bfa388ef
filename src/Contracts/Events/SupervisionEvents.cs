namespace Shizhu.Workflows.Events;

// Events of supervision (督办, ADR 0037): urges. The notifications read them like the engine's other events.

/// <summary>催办 of one task: its role's holders in scope (and its assignee among them) and the township leader hear it.</summary>
public sealed record TaskUrged(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, Guid UrgeId, string TownshipCode, string TownshipName,
    string Title, string Role, string? DepartmentCode, string Message, DateTimeOffset? DueAt, string Actor, string? ActorName = null);

/// <summary>催办 of a township's creation work as a whole: its leader and staff hear it.</summary>
public sealed record TownshipUrged(
    Guid EventId, DateTimeOffset OccurredAt, Guid UrgeId, string TownshipCode, string TownshipName, string Message,
    int OpenTasks, int OverdueTasks, string Actor, string? ActorName = null, Guid? WorkflowId = null);
