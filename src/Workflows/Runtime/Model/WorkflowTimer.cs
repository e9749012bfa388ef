namespace Shizhu.Workflows.Runtime.Model;

/// <summary>
/// A durable waiting point on time. The row is the truth; the scheduler (Hangfire) only wakes the engine
/// at <see cref="DueAt"/>, and firing marks <see cref="FiredAt"/> in the same transaction as its effect,
/// so a timer fires once however many times it is woken.
/// </summary>
public sealed class WorkflowTimer
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public Guid? TaskId { get; init; }
    /// <summary>The token a timer event or boundary timer belongs to.</summary>
    public Guid? TokenId { get; init; }
    /// <summary>The element (timer event) or boundary timer id this timer was set for.</summary>
    public string? ElementId { get; init; }
    public required TimerKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public int Revision { get; set; }
}
