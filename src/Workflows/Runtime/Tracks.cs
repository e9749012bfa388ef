namespace Shizhu.Workflows.Runtime;

/// <summary>The two titles a township can go for.</summary>
public static class Tracks
{
    public const string National = "national";
    public const string Municipal = "municipal";

    public static bool IsKnown(string? track) => track is National or Municipal;

    public static string DisplayName(string track) => track == National ? "国家卫生乡镇" : "重庆市卫生乡镇";

    /// <summary>The plan's usual span: national titles take until two years after the start, municipal ones the same year.</summary>
    public static int DefaultTargetYear(string track, int startYear) => track == National ? startYear + 2 : startYear;
}
