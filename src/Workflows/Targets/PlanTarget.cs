namespace Shizhu.Workflows.Targets;

/// <summary>
/// One target of the county plan (工作目标), seeded with the plan's words as its source so the sheet shows where each
/// number comes from; an installation may change the numbers in the table without a release.
/// </summary>
public sealed class PlanTarget
{
    public const string TitlesKind = "titles";
    public const string ShareKind = "share";

    /// <summary>石柱府办发〔2022〕25号, 二、工作目标.</summary>
    public const string PlanGoal =
        "到2026年，成功创建国家卫生乡镇3个，重庆市卫生乡镇9个，20%的乡镇达到国家卫生乡镇标准，90%的乡镇达到重庆市卫生乡镇标准。";

    public required string Key { get; init; }
    public required int Order { get; init; }
    public required string Name { get; set; }
    /// <summary><see cref="TitlesKind"/>: a number of titles conferred from <see cref="FromYear"/>; <see cref="ShareKind"/>: a share of all units.</summary>
    public required string Kind { get; init; }
    /// <summary>The standard: <c>national</c> or <c>municipal</c>.</summary>
    public required string Title { get; init; }
    /// <summary>A count for titles, a fraction (0.20) for shares.</summary>
    public required decimal Value { get; set; }
    /// <summary>Titles conferred from this year count toward a titles target (the plan's first year).</summary>
    public required int FromYear { get; set; }
    public required int ByYear { get; set; }
    public required string Source { get; set; }

    /// <summary>The plan's four targets, seeded once.</summary>
    public static IReadOnlyList<PlanTarget> Seeded() =>
    [
        new() { Key = "national-titles", Order = 1, Name = "成功创建国家卫生乡镇", Kind = TitlesKind, Title = "national", Value = 3, FromYear = 2022, ByYear = 2026, Source = PlanGoal },
        new() { Key = "municipal-titles", Order = 2, Name = "成功创建重庆市卫生乡镇", Kind = TitlesKind, Title = "municipal", Value = 9, FromYear = 2022, ByYear = 2026, Source = PlanGoal },
        new() { Key = "national-standard", Order = 3, Name = "达到国家卫生乡镇标准的乡镇", Kind = ShareKind, Title = "national", Value = 0.20m, FromYear = 2022, ByYear = 2026, Source = PlanGoal },
        new() { Key = "municipal-standard", Order = 4, Name = "达到重庆市卫生乡镇标准的乡镇", Kind = ShareKind, Title = "municipal", Value = 0.90m, FromYear = 2022, ByYear = 2026, Source = PlanGoal },
    ];
}
