namespace Shizhu.Workflows.Templates;

/// <summary>
/// When something is due. A calendar point of the plan: <see cref="Year"/> <c>start</c> or <c>target</c>
/// (default target, or <see cref="YearOffset"/> years after the start), <see cref="Month"/> 1–12 and an
/// optional <see cref="Day"/>; <see cref="At"/> <c>end</c> (default: the last second of that day, or of the
/// month) or <c>start</c> (its first second). Or a duration from the moment it is set: <see cref="WorkingDays"/>
/// by China's statutory calendar, or calendar <see cref="Days"/>.
/// Inside a sub-process definition a rule may instead be <see cref="Argument"/>: the name of a <c>due</c> parameter,
/// replaced by the rule each call passes (so each check has its own dates). <see cref="WorkingDaysParameter"/> names a
/// template parameter holding the number of working days (a deadline the plan does not fix); it is read when the template is.
/// The <c>target</c> year moves one year on with each roll-over to the next year's cycle (variable <c>cycle.rollovers</c>).
/// </summary>
public sealed record DueRule(
    string? Year = null,
    int? Month = null,
    int? Day = null,
    string? At = null,
    int? YearOffset = null,
    int? WorkingDays = null,
    int? Days = null,
    string? Argument = null,
    string? WorkingDaysParameter = null);
