namespace Shizhu.Workflows.Events;

// The domain events the engine publishes through its outbox. Plain records, past tense, no base class
// (the MassTransit style): every event carries its own EventId so that consumers can be idempotent, and
// OccurredAt in UTC. These records are the only thing src/Notifications depends on. The *Name fields are the people's
// display names (谭晓梅), for the texts people read; the user names beside them stay for the journal and the API.

/// <summary>A creation workflow was started for a township.</summary>
public sealed record WorkflowStarted(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName,
    string Track, int StartYear, int TargetYear, string Actor, string? ActorName = null);

/// <summary>A workflow entered one of its stages.</summary>
public sealed record StageEntered(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName,
    string StageKey, string StageName);

/// <summary>A user task became actionable for everyone holding <see cref="Role"/> in its scope.</summary>
public sealed record TaskCreated(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, string TownshipCode, string TownshipName,
    string StageKey, string Title, string Role, DateTimeOffset? DueAt, string? DepartmentCode = null);

/// <summary>A user task was completed.</summary>
public sealed record TaskCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, string TownshipCode, string TownshipName,
    string StageKey, string Title, string CompletedBy, string? Outcome, string? CompletedByName = null);

/// <summary>A user task passed its due time while still open; raised once per task.</summary>
public sealed record TaskOverdue(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, Guid AlertId, string TownshipCode,
    string TownshipName, string StageKey, string Title, string Role, DateTimeOffset DueAt, string? DepartmentCode = null);

/// <summary>A workflow walked its last stage.</summary>
public sealed record WorkflowCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string Track);

/// <summary>The engine stopped at an element it could not get past (a failing service task, a gateway with no way out).</summary>
public sealed record IncidentRaised(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string ElementId, string Error);

/// <summary>A non-interrupting boundary timer on an open task fired: a reminder or an escalation.</summary>
public sealed record TaskAlertRaised(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, Guid AlertId, string TownshipCode,
    string TownshipName, string StageKey, string Title, string Role, AlertKind Kind, string? DepartmentCode = null);

/// <summary>A message from outside (the municipal office's verdict) was delivered to a waiting workflow.</summary>
public sealed record MessageDelivered(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string Name, string Actor,
    string? ActorName = null);
/// <summary>
/// A task's assignee (领办人) changed: claimed (<see cref="Assignee"/> is the actor), released (<see cref="Assignee"/>
/// is null) or assigned by the county office or the township leader.
/// </summary>
public sealed record TaskAssigned(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, string TownshipCode, string TownshipName,
    string Title, string? Assignee, string? PreviousAssignee, string Actor, string? AssigneeName = null, string? ActorName = null);

/// <summary>The county office cancelled a workflow: its open tasks were cancelled and its timers stopped.</summary>
public sealed record WorkflowCancelled(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string Track,
    string Actor, string? Reason, string? ActorName = null);

/// <summary>The county office suspended a workflow: nothing moves until it is resumed.</summary>
public sealed record WorkflowSuspended(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string Track,
    string Actor, string? Reason, string? ActorName = null);

/// <summary>A suspended workflow runs again; deadlines that passed meanwhile now take effect.</summary>
public sealed record WorkflowResumed(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string Track,
    string Actor, string? ActorName = null);

/// <summary>
/// An open user task was withdrawn without being completed: its element has no counterpart after an instance migration,
/// or the counterpart is for other people. Its holders no longer need to do it.
/// </summary>
public sealed record TaskCancelled(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, string TownshipCode, string TownshipName,
    string StageKey, string Title, string Role, string Reason, string? DepartmentCode = null);

/// <summary>A running workflow was moved from one version of its template to another (instance migration).</summary>
public sealed record WorkflowMigrated(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, string TownshipCode, string TownshipName, string TemplateKey,
    int FromVersion, int ToVersion, string Actor, string? ActorName = null);
