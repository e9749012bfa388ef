namespace Shizhu.Workflows.Plans;

/// <summary>One row of the plan's calendar (行事历): which township goes for which title in which years.</summary>
public sealed class PlanEntry
{
    public required string TownshipCode { get; init; }
    public required string Track { get; init; }
    public required int StartYear { get; set; }
    public required int TargetYear { get; set; }

    /// <summary>What the plan asks by the target year (<see cref="Goals"/>): 桥头镇's row asks the assessment passed, the others the title.</summary>
    public string Goal { get; set; } = Goals.Named;
}
