namespace Shizhu.Workflows.Plans;

/// <summary>
/// What a plan entry asks for by its target year. <see cref="Named"/>: the title conferred (通过公示并获得命名);
/// <see cref="AssessmentPassed"/>: the technical-assessment acceptance passed (桥头镇, 2026: "年底前通过国家卫生乡镇技术评估验收"),
/// after which the workflow ends without naming or the second instalment.
/// </summary>
public static class Goals
{
    public const string Named = "named";
    public const string AssessmentPassed = "assessmentPassed";

    public static bool IsKnown(string? goal) => goal is Named or AssessmentPassed;

    public static string DisplayName(string goal) => goal == AssessmentPassed ? "通过技术评估验收" : "获得命名";
}
