using System.Text.Json.Nodes;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Which outcomes of a user task no condition lets through. Answerable when the conditions test one variable
/// only, <c>{task}.outcome</c>, of a task with outcomes: each outcome is then tried with the runtime's own
/// condition evaluation (<see cref="Variables.Holds"/>), so the answer is exact.
/// </summary>
internal static class OutcomeCoverage
{
    public sealed record Result(string TaskId, IReadOnlyList<string> Uncovered);

    /// <summary>The task and its outcomes no condition holds for; null when the conditions test anything else.</summary>
    public static Result? Analyse(ValidationRun run, IReadOnlyList<Condition> conditions)
    {
        var variables = conditions.SelectMany(VariablesOf).Distinct(StringComparer.Ordinal).ToList();
        if (variables is not [var variable] || !variable.EndsWith(".outcome", StringComparison.Ordinal)) return null;
        var taskId = variable[..^".outcome".Length];
        if (!run.ElementsById.TryGetValue(taskId, out var task) || task.Type != ElementType.UserTask) return null;
        var outcomes = task.Outcomes?.Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (outcomes.Count == 0) return null;
        return new Result(taskId, [.. outcomes.Where(o => !conditions.Any(c => Holds(c, taskId, o)))]);
    }

    private static bool Holds(Condition condition, string taskId, string outcome)
    {
        var variables = new Variables([]);
        variables.Set(taskId, new JsonObject { ["outcome"] = outcome });
        return variables.Holds(condition);
    }

    private static IEnumerable<string> VariablesOf(Condition? condition)
    {
        if (condition is null) yield break;
        if (condition.Variable is { } variable) yield return variable;
        foreach (var child in (condition.All ?? []).Concat(condition.Any ?? []))
            foreach (var nested in VariablesOf(child))
                yield return nested;
    }
}
