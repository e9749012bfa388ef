namespace Shizhu.Workflows.Runtime.Model;

/// <summary>Remembers a command sent with an Idempotency-Key, so a repeat returns the first result.</summary>
public sealed class IdempotencyRecord
{
    public required string UserName { get; init; }
    public required string Key { get; init; }
    public required string Command { get; init; }
    public required Guid ResourceId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The first answer as JSON, replayed verbatim to a repeat. Null for commands whose resource is final once
    /// they ran (a completed task), where the repeat reads the resource again.
    /// </summary>
    public string? Result { get; init; }
}
