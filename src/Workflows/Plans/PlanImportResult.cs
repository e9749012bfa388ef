namespace Shizhu.Workflows.Plans;

/// <summary>What a plan import did, entry by entry in the order sent, with the counts of each outcome.</summary>
public sealed record PlanImportResult(int Started, int Existing, int Invalid, IReadOnlyList<PlanEntryResult> Entries);

/// <summary>
/// One entry's outcome. <see cref="Status"/> is <c>started</c> (a workflow was started now), <c>existing</c> (the
/// township already has a running, suspended or completed workflow on this track: that one) or <c>invalid</c>
/// (nothing started; <see cref="Field"/> names the input at fault, as <c>entries[3].track</c>, and
/// <see cref="Problem"/> says why in Chinese).
/// </summary>
public sealed record PlanEntryResult(string? TownshipCode, string? Track, Guid? WorkflowId, string Status, string? Field = null, string? Problem = null)
{
    public const string StartedStatus = "started";
    public const string ExistingStatus = "existing";
    public const string InvalidStatus = "invalid";
}
