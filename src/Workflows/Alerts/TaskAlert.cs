using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Alerts;

/// <summary>
/// An alert on a task: a yellow warning before its due time, a red one when it is overdue, a reminder or an escalation
/// of a boundary timer. At most one open alert per task and kind; an alert is resolved, never deleted, when the task
/// is done, cancelled, its workflow cancelled or its deadline extended (ADR 0037), so the history stays readable.
/// </summary>
public sealed class TaskAlert
{
    public required Guid Id { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required AlertKind Kind { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    /// <summary>The stage of the task when the alert was raised (the alert list filters by it).</summary>
    public string? StageKey { get; init; }
    /// <summary>The due time the alert was about; null for alerts of tasks without one.</summary>
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public AlertResolution? Resolution { get; set; }

    public AlertLevel Level => AlertLevels.Of(Kind);
}
