namespace Shizhu.Workflows.Runtime.Model;

/// <summary>A milestone of a workflow as users see it (宣传发动, 申报创建, …).</summary>
public sealed class WorkflowStage
{
    public required Guid WorkflowId { get; init; }
    public required string Key { get; init; }
    public required string Name { get; set; }
    public required int Order { get; set; }
    public StageStatus Status { get; set; } = StageStatus.Pending;
    public DateTimeOffset? EnteredAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
