using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Alerts;

/// <summary>An alert raised when a task passes its due time; at most one per task and kind.</summary>
public sealed class TaskAlert
{
    public required Guid Id { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required AlertKind Kind { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
}
