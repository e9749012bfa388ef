namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Township codes from the county's list (src/Workflows/ReferenceData/Data/townships.csv).</summary>
public static class TownshipCodes
{
    /// <summary>石家乡: municipal track, 2022 in the plan.</summary>
    public const string Shijia = "500240210";
    /// <summary>金铃乡: municipal track, 2022 in the plan.</summary>
    public const string Jinling = "500240218";
    /// <summary>悦崃镇: national track, 2022–2024 in the plan.</summary>
    public const string Yuelai = "500240103";
    /// <summary>黄水镇: not in the plan.</summary>
    public const string Huangshui = "500240105";
}
