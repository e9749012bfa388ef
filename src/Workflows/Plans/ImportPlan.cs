namespace Shizhu.Workflows.Plans;

/// <summary>Start the creation workflow of every entry of a plan (行事历), skipping those already under way.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportPlanEntry?>? Entries);

/// <summary>
/// One township's creation in the plan: which track, from which year to which, and its <see cref="Goal"/>
/// (<see cref="Goals"/>; default the plan's row, else <c>named</c>).
/// </summary>
public sealed record ImportPlanEntry(string? TownshipCode, string? Track, int? StartYear, int? TargetYear, string? Goal = null);
