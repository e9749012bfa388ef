using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// A condition must say something, and what it says about a user task must be possible: a task's outcome
/// (<c>{task}.outcome</c>) is one of its <c>outcomes</c> (none at all if it has none), and its other variables
/// are <c>completedBy</c> or its form's fields. Variables of other names (set by service tasks, or carried
/// by messages) are not checked.
/// </summary>
internal static class ConditionRules
{
    public static void Check(ValidationRun run, string key, string path, Condition? condition)
    {
        if (condition is null)
        {
            run.Add(key, path, Required, "条件是空的（null）。");
            return;
        }
        var compares = condition.EqualTo is not null || condition.NotEqualTo is not null || condition.LessThan is not null || condition.AtLeast is not null;
        if (condition is { Variable: null, All: null, Any: null })
            run.Add(key, path, EmptyCondition, compares
                ? "条件给出了比较值，但没有指定变量（variable）。"
                : "条件是空的：请指定变量（variable）和比较，或用 all、any 组合条件。");
        if (condition.Variable is { } variable)
        {
            if (!compares)
                run.Add(key, path + ".variable", EmptyCondition, $"条件只给出了变量“{variable}”，没有比较（equalTo、notEqualTo、lessThan 或 atLeast）。");
            CheckVariable(run, key, path, condition, variable);
        }
        CheckList(run, key, path + ".all", condition.All, "all：全部成立");
        CheckList(run, key, path + ".any", condition.Any, "any：任一成立");
    }

    private static void CheckList(ValidationRun run, string key, string path, IReadOnlyList<Condition>? conditions, string label)
    {
        if (conditions is null) return;
        if (conditions.Count == 0) run.Add(key, path, EmptyCondition, $"组合条件（{label}）不能是空列表。");
        for (var i = 0; i < conditions.Count; i++) Check(run, key, $"{path}[{i}]", conditions[i]);
    }

    private static void CheckVariable(ValidationRun run, string key, string path, Condition condition, string variable)
    {
        var dot = variable.IndexOf('.');
        if (dot <= 0 || !run.ElementsById.TryGetValue(variable[..dot], out var task) || task.Type != ElementType.UserTask) return;
        var name = variable[(dot + 1)..];
        if (name == "outcome")
        {
            var outcomes = task.Outcomes?.Where(o => o is not null).ToList() ?? [];
            if (outcomes.Count == 0)
            {
                run.Add(key, path + ".variable", UnknownOutcome, $"任务 {task.Id} 没有定义办理结果（outcomes），此条件永远不会按结果成立。");
                return;
            }
            foreach (var (field, value) in new[] { ("equalTo", condition.EqualTo), ("notEqualTo", condition.NotEqualTo) })
                if (value is not null && !outcomes.Contains(value))
                    run.Add(key, $"{path}.{field}", UnknownOutcome, $"任务 {task.Id} 的办理结果只有 {string.Join("、", outcomes)}，没有“{value}”。");
            return;
        }
        var field0 = name.Split('.')[0];
        if (name != "completedBy" && task.Form?.Any(f => f?.Key == field0) != true)
            run.Add(key, path + ".variable", UnknownVariable, $"任务 {task.Id} 的表单没有字段“{field0}”：可用的是 outcome、completedBy 和表单字段。");
    }
}
