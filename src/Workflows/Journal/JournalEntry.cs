namespace Shizhu.Workflows.Journal;

/// <summary>An append-only trace (留痕) of what happened to a workflow: who, when, what.</summary>
public sealed class JournalEntry
{
    public long Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Kind { get; init; }
    public required string Detail { get; init; }
}
