namespace Shizhu.Testing.Reference;

/// <summary>
/// Township codes from the county's list (src/Workflows/ReferenceData/Data/townships.csv), for every test project:
/// the named ones the engine and notification tests use, and the ones a test Host hands out to its scenarios.
/// </summary>
public static class TownshipCodes
{
    /// <summary>石家乡: municipal track, 2022 in the plan.</summary>
    public const string Shijia = "500240210";
    /// <summary>金铃乡: municipal track, 2022 in the plan.</summary>
    public const string Jinling = "500240218";
    /// <summary>悦崃镇: national track, 2022–2024 in the plan.</summary>
    public const string Yuelai = "500240103";
    /// <summary>中益乡: national track of the plan.</summary>
    public const string Zhongyi = "500240213";
    /// <summary>桥头镇.</summary>
    public const string Qiaotou = "500240114";
    /// <summary>黄水镇: not in the plan.</summary>
    public const string Huangshui = "500240105";

    /// <summary>Townships a Host test's scenarios take one after another (none of the demo accounts' townships).</summary>
    public static IReadOnlyList<string> ForTests { get; } =
    [
        "500240105", "500240106", "500240107", "500240108", "500240109", "500240110", "500240111", "500240112",
        "500240113", "500240117", "500240118", "500240203", "500240207", "500240209", "500240214", "500240216",
        "500240217", "500240219", "500240001", "500240002", "500240003",
    ];
}
