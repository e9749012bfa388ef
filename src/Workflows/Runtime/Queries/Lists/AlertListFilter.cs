using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// What narrows the alert list: township and kind. A record, so the alerts' warning levels and lifecycle
/// (open/resolved) join it as further optional members without changing any caller.
/// </summary>
public sealed record AlertListFilter(string? TownshipCode = null, AlertKind? Kind = null)
{
    public static readonly AlertListFilter None = new();

    public string Fingerprint => ListFingerprint.Of(TownshipCode, Kind);
}
