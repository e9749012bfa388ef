using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Phases group the stages as the plan's 实施步骤 does: each phase has a unique key and a name, and once a template
/// defines phases every stage names one of them (a stage outside every phase would drop out of the grouping).
/// </summary>
internal static class PhaseRules
{
    private const string At = TemplateProblem.Template;

    public static void Check(ValidationRun run)
    {
        var phases = run.Template.Phases ?? [];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < phases.Count; i++)
        {
            var path = $"phases[{i}]";
            if (phases[i] is not { } phase)
            {
                run.Add(At, path, Required, $"第 {i + 1} 个实施阶段是空的（null）。");
                continue;
            }
            if (Text.Require(run, At, path + ".key", phase.Key, 60, "实施阶段键") && !keys.Add(phase.Key))
                run.Add(At, path + ".key", Duplicate, $"实施阶段键“{phase.Key}”重复。");
            Text.Require(run, At, path + ".name", phase.Name, 100, "实施阶段名称");
        }
        for (var i = 0; i < run.Stages.Count; i++)
        {
            if (run.Stages[i] is not { } stage) continue;
            var path = $"stages[{i}].phase";
            if (stage.Phase is null)
            {
                if (phases.Count > 0) run.Add(At, path, Required, $"阶段“{stage.Name ?? stage.Key}”必须指明所属的实施阶段（phase）：{string.Join("、", keys)}。");
            }
            else if (!keys.Contains(stage.Phase))
                run.Add(At, path, UnknownValue, phases.Count == 0
                    ? $"阶段“{stage.Name ?? stage.Key}”指明了实施阶段“{stage.Phase}”，但模板没有定义实施阶段（phases）。"
                    : $"实施阶段“{stage.Phase}”未定义：可用的有 {string.Join("、", keys)}。");
        }
    }
}
