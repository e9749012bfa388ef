namespace Shizhu.Workflows.Runtime.Model;

/// <summary>
/// 抄送: a read-only copy of a task sent to one person for information. It lists in their 抄送我的 until read; it gives
/// no right to see anything they could not see already (ADR 0021, 0031).
/// </summary>
public sealed class TaskCopy
{
    public required Guid Id { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required string TownshipName { get; init; }
    public required string TaskTitle { get; init; }
    /// <summary>Who receives the copy.</summary>
    public required string UserName { get; init; }
    public required string CopiedBy { get; init; }
    public required string CopiedByName { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public int Revision { get; set; }
}
