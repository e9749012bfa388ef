using System.Globalization;

namespace Shizhu.Notifications.Audiences;

/// <summary>Small pieces of the user-facing Chinese wording shared by the audience rules.</summary>
internal static class ChineseText
{
    // China has kept UTC+8 without daylight saving since 1991; a fixed offset is exact and needs no tz database.
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>An instant as people in Shizhu read it on a wall clock, e.g. 2026年5月31日 23:59（北京时间）.</summary>
    public static string ChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(ChinaOffset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string Track(string track) => track switch
    {
        "national" => "国家卫生乡镇",
        "municipal" => "重庆市卫生乡镇",
        _ => "卫生乡镇",
    };

    /// <summary>A workflow's years: 2022年 when it starts and ends in one year, 2022—2024年 otherwise.</summary>
    public static string Years(int startYear, int targetYear) =>
        startYear == targetYear ? $"{startYear}年" : $"{startYear}—{targetYear}年";

    public static string DueClause(DateTimeOffset? dueAt) =>
        dueAt is { } due ? $"截止时间：{ChinaTime(due)}。" : "该任务未设截止时间。";

    public static string OutcomeClause(string? outcome) =>
        string.IsNullOrWhiteSpace(outcome) ? "" : $"办理结果：{Outcome(outcome)}。";

    /// <summary>A task outcome as people read it (<see cref="Workflows.Events.OutcomeNames"/>).</summary>
    public static string Outcome(string outcome) => Workflows.Events.OutcomeNames.Chinese(outcome);

    /// <summary>A person by display name; the user name only for events raised before display names were carried.</summary>
    public static string Person(string? displayName, string userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName : displayName;

    /// <summary>Outside results delivered to a workflow, by their Chinese name.</summary>
    public static string ExternalMessage(string name) => name switch
    {
        "municipal-verdict" => "市级验收结果",
        _ => name,
    };
}
