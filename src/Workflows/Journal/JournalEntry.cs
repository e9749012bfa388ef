namespace Shizhu.Workflows.Journal;

/// <summary>
/// An append-only trace (留痕) of what happened to a workflow: who, when, what, and the state it changed. The
/// database refuses to update or delete a row (triggers on both providers), so the trace cannot be rewritten.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required JournalKind Kind { get; init; }
    /// <summary>The line a person reads (Chinese).</summary>
    public required string Detail { get; init; }
    /// <summary>
    /// The change as one JSON object <c>{"before": {…}, "after": {…}}</c> (see <see cref="JournalRecord"/>); null on
    /// rows written before it was recorded. Set once, by the command that adds the row, before it is committed.
    /// </summary>
    public string? Change { get; internal set; }
}
