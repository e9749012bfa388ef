namespace Shizhu.Workflows.Templates;

/// <summary>
/// When a task is due. Either the end of a month of the plan (<see cref="Year"/> <c>start</c> or
/// <c>target</c>, <see cref="Month"/> 1–12: "by the end of May of the target year"), or a duration from
/// the task's creation in <see cref="WorkingDays"/> (China's statutory calendar) or calendar <see cref="Days"/>.
/// </summary>
public sealed record DueRule(string? Year = null, int? Month = null, int? WorkingDays = null, int? Days = null);
