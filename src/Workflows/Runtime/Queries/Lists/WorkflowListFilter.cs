using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>What narrows the workflow list: township, status, current stage (by key), track, and a text searched in township names.</summary>
public sealed record WorkflowListFilter(
    string? TownshipCode = null, WorkflowStatus? Status = null, string? StageKey = null, string? Track = null, string? Search = null)
{
    public static readonly WorkflowListFilter None = new();

    public string Fingerprint => ListFingerprint.Of(TownshipCode, Status, StageKey, Track, Search);
}
