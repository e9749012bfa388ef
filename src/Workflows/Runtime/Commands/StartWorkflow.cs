namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>Start one township's creation workflow. <see cref="TargetYear"/> defaults from the plan or the track.</summary>
public sealed record StartWorkflow(string? TownshipCode, string? Track, int? StartYear, int? TargetYear);
