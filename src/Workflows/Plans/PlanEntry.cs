namespace Shizhu.Workflows.Plans;

/// <summary>One row of the plan's calendar (行事历): which township goes for which title in which years.</summary>
public sealed class PlanEntry
{
    public required string TownshipCode { get; init; }
    public required string Track { get; init; }
    public required int StartYear { get; set; }
    public required int TargetYear { get; set; }
}
