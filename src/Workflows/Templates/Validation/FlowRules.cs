using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>Each flow on its own: a unique key, both ends existing, and a condition that can be evaluated.</summary>
internal static class FlowRules
{
    public static void Check(ValidationRun run)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < run.Flows.Count; i++)
        {
            var flow = run.Flows[i];
            if (flow is null)
            {
                run.Add(TemplateProblem.Template, $"flows[{i}]", Required, $"第 {i + 1} 条流转是空的（null）。");
                continue;
            }
            var key = ValidationRun.NameOf(flow, i);
            if (flow.Id is not null) Text.RequireId(run, key, "id", flow.Id, 170, "流转编号");
            else Text.Limit(run, key, "id", key, 170, "流转（from->to）");
            if (!keys.Add(key))
                run.Add(key, "id", DuplicateId, $"流转“{key}”重复：同一对元素之间有多条流转时，请给每条一个编号（id）。");
            End(run, key, "from", flow.From, "起点");
            End(run, key, "to", flow.To, "终点");
            if (flow.Condition is { } condition) ConditionRules.Check(run, key, "condition", condition);
        }
    }

    private static void End(ValidationRun run, string key, string field, string? elementId, string label)
    {
        if (string.IsNullOrWhiteSpace(elementId))
            run.Add(key, field, Required, $"请填写流转的{label}（{field}）。");
        else if (!run.ElementsById.ContainsKey(elementId))
            run.Add(key, field, UnknownElement, $"流转的{label}“{elementId}”不是模板中的元素。");
    }
}
