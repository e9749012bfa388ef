namespace Shizhu.Workflows.Targets;

/// <summary>The county's target sheet (目标) at the end of <see cref="Year"/>, over its <see cref="UnitCount"/> township-level units.</summary>
public sealed record TargetSheetView(int Year, int UnitCount, IReadOnlyList<TargetLine> Targets);

/// <summary>
/// One target: its number (<see cref="Value"/>: a count, or a fraction of the units), the units it needs
/// (<see cref="Required"/>), those that count (<see cref="Achieved"/>, listed in <see cref="Townships"/>) and whether the
/// county is on course: <c>met</c>, <c>onTrack</c> or <c>behind</c>.
/// </summary>
public sealed record TargetLine(
    string Key, string Name, string Kind, string Title, decimal Value, int FromYear, int ByYear, string Source,
    int Required, int Expected, int Achieved, decimal Share, string Status, IReadOnlyList<TargetUnit> Townships)
{
    public const string Met = "met";
    public const string OnTrack = "onTrack";
    public const string Behind = "behind";

    public string StatusName => Status switch { Met => "已完成", OnTrack => "按计划推进", _ => "滞后" };
}

/// <summary>A unit behind a target: the title that counts, its year and where it comes from (recorded or a workflow).</summary>
public sealed record TargetUnit(string TownshipCode, string TownshipName, string Title, int Year, string Source);
