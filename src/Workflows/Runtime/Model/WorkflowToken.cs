namespace Shizhu.Workflows.Runtime.Model;

/// <summary>
/// Where a workflow is: one token per active path. A token sits on an element while it waits there (a user
/// task, a timer, a message, a join, an incident); tokens that left the process are deleted (the journal keeps
/// the history), so the rows of a workflow are exactly its waiting points.
/// </summary>
public sealed class WorkflowToken
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string ElementId { get; set; }
    /// <summary>The flow it arrived by; a parallel join counts arrivals per incoming flow.</summary>
    public string? ArrivedBy { get; set; }
    public TokenState State { get; set; } = TokenState.Waiting;
    public required DateTimeOffset CreatedAt { get; init; }
}
