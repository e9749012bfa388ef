namespace Shizhu.Workflows.Runtime.Model;

/// <summary>Remembers a command sent with an Idempotency-Key, so a repeat of the same request returns the first result.</summary>
public sealed class IdempotencyRecord
{
    public required string UserName { get; init; }
    public required string Key { get; init; }
    public required string Command { get; init; }
    public required Guid ResourceId { get; init; }
    /// <summary>Base64 SHA-256 of the request body (<see cref="Idempotency.CommandRequest"/>): a repeat with another body is refused.</summary>
    public required string RequestHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The first answer as JSON, replayed verbatim to a repeat. Null for commands whose resource is final once
    /// they ran (a completed task), where the repeat reads the resource again.
    /// </summary>
    public string? Result { get; init; }
}
