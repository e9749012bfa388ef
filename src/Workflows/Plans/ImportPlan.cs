namespace Shizhu.Workflows.Plans;

/// <summary>Start the creation workflow of every entry of a plan (行事历), skipping those already under way.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportPlanEntry?>? Entries);

/// <summary>One township's creation in the plan: which track, from which year to which.</summary>
public sealed record ImportPlanEntry(string? TownshipCode, string? Track, int? StartYear, int? TargetYear);
