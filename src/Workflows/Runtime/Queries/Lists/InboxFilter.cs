namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// What narrows the inbox: a township, a stage (by key), overdue or not, a due window (inclusive bounds) and a text
/// searched in task titles. Null means "any". The caller's own boundaries apply whatever the filter says.
/// </summary>
public sealed record InboxFilter(
    string? TownshipCode = null, string? StageKey = null, bool? Overdue = null,
    DateTimeOffset? DueAfter = null, DateTimeOffset? DueBefore = null, string? Search = null)
{
    public static readonly InboxFilter None = new();

    /// <summary>Binds a cursor to these filters: a cursor replayed with other filters is refused (ADR 0035).</summary>
    public string Fingerprint => ListFingerprint.Of(TownshipCode, StageKey, Overdue, DueAfter, DueBefore, Search);
}
