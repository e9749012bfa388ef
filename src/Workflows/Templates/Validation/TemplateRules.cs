using Shizhu.Workflows.Runtime;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>The document as a whole: key and track, name, size, and the stages users see.</summary>
internal static class TemplateRules
{
    /// <summary>Bounds that keep validation and the runtime's per-template indexes cheap.</summary>
    public const int MaxElements = 500, MaxFlows = 1000;

    private const string At = TemplateProblem.Template;

    public static void Check(ValidationRun run)
    {
        var template = run.Template;
        if (string.IsNullOrWhiteSpace(template.Key))
            run.Add(At, "key", Required, "请填写模板键（key）：national 或 municipal。");
        else if (!Tracks.IsKnown(template.Key))
            run.Add(At, "key", UnknownKey, $"模板键“{template.Key}”未知：必须是 national（国家卫生乡镇）或 municipal（重庆市卫生乡镇）。");

        if (string.IsNullOrWhiteSpace(template.Track))
            run.Add(At, "track", Required, "请填写创建类型（track）：national 或 municipal。");
        else if (!Tracks.IsKnown(template.Track))
            run.Add(At, "track", UnknownTrack, $"创建类型“{template.Track}”未知：必须是 national（国家卫生乡镇）或 municipal（重庆市卫生乡镇）。");
        else if (Tracks.IsKnown(template.Key) && template.Key != template.Track)
            run.Add(At, "track", KeyMismatch, $"创建类型“{template.Track}”与模板键“{template.Key}”不一致：启动工作流时按创建类型选用模板。");

        Text.Require(run, At, "name", template.Name, 100, "模板名称");
        if (template.WarningDays is < 0 or > TemplateDefinition.MaxWarningDays)
            run.Add(At, "warningDays", InvalidRange, $"黄色预警提前的工作日数（warningDays）必须在 0 到 {TemplateDefinition.MaxWarningDays} 之间，现为 {template.WarningDays}。");
        EscalationRules.Check(run, At, template.Escalation);
        if (run.Elements.Count > MaxElements)
            run.Add(At, "elements", TooLarge, $"模板最多 {MaxElements} 个元素，现有 {run.Elements.Count} 个。");
        if (run.Flows.Count > MaxFlows)
            run.Add(At, "flows", TooLarge, $"模板最多 {MaxFlows} 条流转，现有 {run.Flows.Count} 条。");
        CheckStages(run);
        PhaseRules.Check(run);
        ParameterInfoRules.Check(run);
    }

    private static void CheckStages(ValidationRun run)
    {
        if (run.Stages.Count == 0)
        {
            run.Add(At, "stages", Required, "请至少定义一个阶段（stages）。");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var used = run.Elements.Where(e => e?.Stage is not null).Select(e => e.Stage!).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < run.Stages.Count; i++)
        {
            var stage = run.Stages[i];
            var path = $"stages[{i}]";
            if (stage is null)
            {
                run.Add(At, path, Required, $"第 {i + 1} 个阶段是空的（null）。");
                continue;
            }
            if (Text.Require(run, At, path + ".key", stage.Key, 60, "阶段键"))
            {
                if (!seen.Add(stage.Key))
                    run.Add(At, path + ".key", Duplicate, $"阶段键“{stage.Key}”重复。");
                else if (!used.Contains(stage.Key))
                    run.Add(At, path, UnusedStage, $"阶段“{stage.Name ?? stage.Key}”没有任何元素，工作流永远不会进入它。");
            }
            Text.Require(run, At, path + ".name", stage.Name, 100, "阶段名称");
        }
    }
}
