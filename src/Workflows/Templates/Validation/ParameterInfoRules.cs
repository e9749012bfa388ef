using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// What the template says of its parameters: each described parameter exists, has a label, and says whether its value
/// is the plan's (<c>plan</c>) or the template's choice (<c>parameter</c>).
/// </summary>
internal static class ParameterInfoRules
{
    private const string At = TemplateProblem.Template;

    public static void Check(ValidationRun run)
    {
        foreach (var (name, info) in run.Template.ParameterInfo ?? new Dictionary<string, TemplateParameterInfo>())
        {
            var path = $"parameterInfo.{name}";
            if (run.Template.Parameters?.ContainsKey(name) != true)
                run.Add(At, path, UnknownParameter, $"参数说明写给了未定义的模板参数 {name}。");
            if (info is null)
            {
                run.Add(At, path, Required, $"模板参数 {name} 的说明是空的（null）。");
                continue;
            }
            Text.Require(run, At, path + ".label", info.Label, 100, "参数名称");
            if (info.Source is not (TemplateParameterInfo.FromPlan or TemplateParameterInfo.FromTemplate))
                run.Add(At, path + ".source", UnknownValue, $"参数来源“{info.Source}”未知：plan（方案规定）或 parameter（方案未规定，由模板设定）。");
            if (info.Description is { Length: > 500 })
                run.Add(At, path + ".description", TooLong, "参数说明最多 500 个字符。");
        }
    }
}
