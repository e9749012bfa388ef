namespace Shizhu.Workflows.Runtime.Model;

/// <summary>A failure the engine could not resolve itself (a failing service task, a gateway with no way out), kept until an operator retries.</summary>
public sealed class Incident
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required Guid TokenId { get; init; }
    public required string ElementId { get; init; }
    public required string Error { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
