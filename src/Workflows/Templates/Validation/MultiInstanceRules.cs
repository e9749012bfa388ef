using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// A 会签/或签 setting (<see cref="MultiInstanceDefinition"/>, ADR 0045): on a user task only, one non-empty source list
/// without repeats naming known departments or roles, a known mode and a completion condition the list can meet.
/// </summary>
internal static class MultiInstanceRules
{
    private const string Path = "multiInstance";

    public static void Check(ValidationRun run, string id, ElementDefinition element)
    {
        if (element.MultiInstance is not { } multi) return;
        if (element.Type != ElementType.UserTask)
        {
            run.Add(id, Path, NotAllowed, "只有用户任务（userTask）可以设置会签/或签（multiInstance）。");
            return;
        }
        if (multi.Mode is { } mode && !MultiInstanceDefinition.Modes.Contains(mode))
            run.Add(id, Path + ".mode", UnknownValue, $"会签方式“{mode}”未知：可用的有 parallel（并行）、sequential（依次）。");
        var sources = new (string Field, IReadOnlyList<string>? List)[] { ("departmentCodes", multi.DepartmentCodes), ("users", multi.Users), ("roles", multi.Roles) }
            .Where(s => s.List is not null).ToList();
        if (sources.Count == 0)
        {
            run.Add(id, Path, Required, "会签/或签必须列出实例来源：部门（departmentCodes）、人员（users）或角色（roles）之一。");
            return;
        }
        if (sources.Count > 1)
            run.Add(id, Path + "." + sources[1].Field, NotAllowed, $"会签/或签只能有一种实例来源，不能同时给出 {string.Join(" 和 ", sources.Select(s => s.Field))}。");
        var (field, list) = sources[0];
        CheckList(run, id, $"{Path}.{field}", list!);
        if (field == "departmentCodes") CheckDepartments(run, id, element, list!);
        if (field == "roles") CheckRoles(run, id, element, list!);
        CheckCompletion(run, id, multi, list!.Count);
        if (element.Boundary?.Any(b => b is not null && (b.Interrupting || b.Kind == "timeout")) == true)
            run.Add(id, "boundary", NotAllowed, "会签/或签任务不能有中断型边界定时器（interrupting 或 timeout）：一份签署超时不能替其他签署决定去向；请用提醒或升级。");
    }

    private static void CheckList(ValidationRun run, string id, string path, IReadOnlyList<string> list)
    {
        if (list.Count == 0)
        {
            run.Add(id, path, Required, "会签/或签的实例列表不能为空：至少列出一项。");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i])) run.Add(id, $"{path}[{i}]", Required, $"会签/或签实例列表的第 {i + 1} 项是空的。");
            else if (!seen.Add(list[i])) run.Add(id, $"{path}[{i}]", Duplicate, $"会签/或签实例列表中“{list[i]}”重复。");
        }
    }

    /// <summary>One instance per department: each instance is that department's task, so the element is a department task without a department of its own.</summary>
    private static void CheckDepartments(ValidationRun run, string id, ElementDefinition element, IReadOnlyList<string> codes)
    {
        for (var i = 0; i < codes.Count; i++)
            if (!string.IsNullOrWhiteSpace(codes[i]) && !run.Departments.Contains(codes[i]))
                run.Add(id, $"{Path}.departmentCodes[{i}]", UnknownDepartment, $"部门代码“{codes[i]}”未知：可用的有 {string.Join("、", run.Departments.Order())}。");
        if (element.Scope != TaskScope.Department)
            run.Add(id, "scope", Required, "按部门会签的任务由各部门办理：办理范围（scope）须为 department。");
        if (element.DepartmentCode is not null)
            run.Add(id, "departmentCode", NotAllowed, "按部门会签的任务不能再指定单一部门（departmentCode）：每份签署属于列表中的一个部门。");
    }

    /// <summary>One instance per role: the role comes from the list, so the element names none of its own.</summary>
    private static void CheckRoles(ValidationRun run, string id, ElementDefinition element, IReadOnlyList<string> roles)
    {
        for (var i = 0; i < roles.Count; i++)
            if (!string.IsNullOrWhiteSpace(roles[i]) && !Roles.All.Contains(roles[i]))
                run.Add(id, $"{Path}.roles[{i}]", UnknownRole, $"角色“{roles[i]}”未知：可用的角色有 {string.Join("、", Roles.All)}。");
        if (element.Role is not null)
            run.Add(id, "role", NotAllowed, "按角色会签的任务不能再指定办理角色（role）：每份签署由列表中的一个角色办理。");
        if (element.Scope == TaskScope.Department || roles.Contains(Roles.CountyDepartment))
            run.Add(id, Path + ".roles", NotAllowed, "县级部门的会签请按部门列出（departmentCodes），不能按角色。");
    }

    private static void CheckCompletion(ValidationRun run, string id, MultiInstanceDefinition multi, int count)
    {
        var completion = multi.Completion ?? MultiInstanceDefinition.All;
        if (!MultiInstanceDefinition.Completions.Contains(completion))
        {
            run.Add(id, Path + ".completion", UnknownValue, $"完成条件“{completion}”未知：可用的有 all（全部签署）、any（任一签署）、atLeast（至少若干份）。");
            return;
        }
        if (completion != MultiInstanceDefinition.AtLeastCompletion)
        {
            if (multi.AtLeast is not null)
                run.Add(id, Path + ".atLeast", NotAllowed, "只有完成条件为 atLeast 时才能给出份数（atLeast）。");
            return;
        }
        if (multi.AtLeast is not { } atLeast)
            run.Add(id, Path + ".atLeast", Required, "完成条件为 atLeast 时必须给出至少签署的份数（atLeast）。");
        else if (atLeast < 1)
            run.Add(id, Path + ".atLeast", InvalidRange, "至少签署的份数（atLeast）必须至少为 1。");
        else if (atLeast > count)
            run.Add(id, Path + ".atLeast", InvalidRange, $"至少签署的份数（{atLeast}）不能多于实例数（{count}）。");
    }
}
