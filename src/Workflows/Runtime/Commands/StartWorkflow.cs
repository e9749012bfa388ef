namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>
/// Start one township's creation workflow. <see cref="TargetYear"/> defaults from the plan or the track, <see cref="Goal"/>
/// (<see cref="Plans.Goals"/>) from the plan's row or <c>named</c>.
/// </summary>
public sealed record StartWorkflow(string? TownshipCode, string? Track, int? StartYear, int? TargetYear, string? Goal = null);
