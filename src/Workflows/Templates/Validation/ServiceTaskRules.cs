using System.Text.Json;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// A service task names a registered action and gives it the inputs it reads. The built-in actions'
/// inputs are checked the way the actions read them (<c>Runtime/ServiceTasks</c>); an action the Host adds
/// is checked for its name only.
/// </summary>
internal static class ServiceTaskRules
{
    /// <summary>The ledger keeps a subsidy's milestone in 100 characters.</summary>
    public const int MaxMilestoneLength = 100;

    public static void Check(ValidationRun run, string id, ElementDefinition element)
    {
        var available = string.Join("、", run.Actions.Order());
        if (string.IsNullOrWhiteSpace(element.Action))
        {
            run.Add(id, "action", Required, $"服务任务必须指定动作（action）：可用的有 {available}。");
            return;
        }
        if (!run.Actions.Contains(element.Action))
        {
            run.Add(id, "action", UnknownAction, $"服务任务动作“{element.Action}”未知：可用的有 {available}。");
            return;
        }
        switch (element.Action)
        {
            case "setVariable":
                RequireString(run, id, element, "name", allowEmpty: false);
                RequireString(run, id, element, "value", allowEmpty: true);
                break;
            case "increment":
                RequireString(run, id, element, "name", allowEmpty: false);
                break;
            case "recordSubsidy":
                CheckSubsidy(run, id, element);
                break;
        }
    }

    private static void CheckSubsidy(ValidationRun run, string id, ElementDefinition element)
    {
        if (!TryInput(element, "instalment", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var instalment))
        {
            run.Add(id, "input.instalment", InvalidInput, "动作 recordSubsidy 需要整数输入 instalment（第几笔补助）。");
            return;
        }
        if (instalment < 1)
        {
            run.Add(id, "input.instalment", InvalidInput, "补助笔次（instalment）必须从 1 开始。");
            return;
        }
        if (TryInput(element, "milestone", out var milestone)
            && (milestone.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(milestone.GetString()) || milestone.GetString()!.Length > MaxMilestoneLength))
            run.Add(id, "input.milestone", InvalidInput, $"补助的到期节点（milestone）须为不超过 {MaxMilestoneLength} 字的文字，如“通过市级暗访”“命名授牌”。");
        foreach (var name in new[] { "subsidyTotal", $"subsidyShare{instalment}" })
            if (run.Template.Parameters?.ContainsKey(name) != true)
                run.Add(id, "input.instalment", UnknownParameter, $"模板参数 {name} 未定义：服务任务 {id} 按它计算第 {instalment} 笔补助金额。");
    }

    private static void RequireString(ValidationRun run, string id, ElementDefinition element, string name, bool allowEmpty)
    {
        if (!TryInput(element, name, out var value) || value.ValueKind != JsonValueKind.String)
            run.Add(id, $"input.{name}", InvalidInput, $"动作 {element.Action} 需要文字输入 {name}。");
        else if (!allowEmpty && string.IsNullOrWhiteSpace(value.GetString()))
            run.Add(id, $"input.{name}", InvalidInput, $"动作 {element.Action} 的输入 {name} 不能为空。");
    }

    private static bool TryInput(ElementDefinition element, string name, out JsonElement value)
    {
        value = default;
        return element.Input is { } input && input.TryGetValue(name, out value);
    }
}
