using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// What narrows the alert list: township, kind, stage (by key), open (unresolved) or resolved, the task's due window
/// (inclusive bounds) and a text searched in the task's title. Null means "any"; the caller's township boundary applies
/// whatever the filter says.
/// </summary>
public sealed record AlertListFilter(
    string? TownshipCode = null, AlertKind? Kind = null, string? StageKey = null, bool? Open = null,
    DateTimeOffset? DueAfter = null, DateTimeOffset? DueBefore = null, string? Search = null)
{
    public static readonly AlertListFilter None = new();

    /// <summary>The menu's 预警 badge: the alerts nobody has resolved yet.</summary>
    public static readonly AlertListFilter Unresolved = new(Open: true);

    public string Fingerprint => ListFingerprint.Of(TownshipCode, Kind, StageKey, Open, DueAfter, DueBefore, Search);
}
