namespace Shizhu.Workflows.Supervision;

/// <summary>
/// Supervision settings (configuration section <c>Supervision</c>, ADR 0037). The engine reads them as a plain
/// singleton; the Host binds the section onto it.
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Working days that must pass after an urge (催办) of a task, or of a township, before the next one (default 1).</summary>
    public int UrgeGapWorkingDays { get; set; } = 1;

    /// <summary>黄牌: a township with at least this many open red warnings (default 1)…</summary>
    public int YellowCardRedWarnings { get; set; } = 1;

    /// <summary>…or whose oldest open red warning is at least this many working days old (default 5; 0 ignores age).</summary>
    public int YellowCardAgeWorkingDays { get; set; } = 5;

    /// <summary>红牌: a township with at least this many open red warnings (default 3)…</summary>
    public int RedCardRedWarnings { get; set; } = 3;

    /// <summary>…or whose oldest open red warning is at least this many working days old (default 10; 0 ignores age).</summary>
    public int RedCardAgeWorkingDays { get; set; } = 10;
}
