using Shizhu.Workflows.Access;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>Each element on its own: its id, the fields its type needs, and the names it refers to (stage, role, department).</summary>
internal static class ElementRules
{
    public static void Check(ValidationRun run)
    {
        if (run.Elements.Count == 0)
        {
            run.Add(TemplateProblem.Template, "elements", Required, "模板没有任何元素（elements）。");
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < run.Elements.Count; i++)
        {
            var element = run.Elements[i];
            if (element is null)
            {
                run.Add(TemplateProblem.Template, $"elements[{i}]", Required, $"第 {i + 1} 个元素是空的（null）。");
                continue;
            }
            var id = ValidationRun.NameOf(element, i);
            if (Text.RequireId(run, id, "id", element.Id, 60, "元素编号") && !ids.Add(element.Id))
                run.Add(id, "id", DuplicateId, $"元素编号“{id}”重复：每个元素和边界定时器的编号都必须唯一。");
            CheckReferences(run, id, element);
            CheckByType(run, id, element);
            MultiInstanceRules.Check(run, id, element);
        }
        // Boundary timers after all elements, so that a boundary repeating an element's id is the one named.
        for (var i = 0; i < run.Elements.Count; i++)
            if (run.Elements[i] is { } element) TaskRules.CheckBoundaries(run, ValidationRun.NameOf(element, i), element, ids);
    }

    private static void CheckReferences(ValidationRun run, string id, ElementDefinition element)
    {
        if (element.Stage is { } stage && !run.StageKeys.Contains(stage))
            run.Add(id, "stage", UnknownStage, $"阶段“{stage}”未在模板的阶段（stages）中定义。");
        if (element.Role is { } role && !Roles.All.Contains(role))
            run.Add(id, "role", UnknownRole, $"角色“{role}”未知：可用的角色有 {string.Join("、", Roles.All)}。");
        if (element.DepartmentCode is { } department && !run.Departments.Contains(department))
            run.Add(id, "departmentCode", UnknownDepartment, $"部门代码“{department}”未知：可用的有 {string.Join("、", run.Departments.Order())}。");
        Text.Limit(run, id, "title", element.Title, 200, "标题");
        if (element.Type != ElementType.SubProcess && (element.Calls is not null || element.Arguments is not null))
            run.Add(id, element.Calls is not null ? "calls" : "arguments", NotAllowed, "只有子流程调用（type 为 subProcess）可以指定 calls 和 arguments。");
    }

    private static void CheckByType(ValidationRun run, string id, ElementDefinition element)
    {
        switch (element.Type)
        {
            case ElementType.UserTask:
                Text.Require(run, id, "title", element.Title, 200, "任务标题");
                // A 会签 by role takes each instance's role from its list (MultiInstanceRules).
                if (element.Role is null && element.MultiInstance?.Roles is null) run.Add(id, "role", Required, "请填写办理角色（role）。");
                if (element.Stage is null) run.Add(id, "stage", Required, "请填写用户任务所属的阶段（stage）。");
                TaskRules.CheckScope(run, id, element);
                DueRules.Check(run, id, "due", element.Due, required: false);
                TaskRules.CheckOutcomes(run, id, element.Outcomes);
                TaskRules.CheckForm(run, id, element.Form);
                TaskRules.CheckEvidence(run, id, element.Evidence, element.Outcomes);
                break;
            case ElementType.TimerEvent:
                DueRules.Check(run, id, "due", element.Due, required: true);
                break;
            case ElementType.StartEvent:
                DueRules.Check(run, id, "due", element.Due, required: false);
                break;
            case ElementType.MessageEvent:
                Text.Require(run, id, "message", element.Message, 100, "等待的消息名称");
                break;
            case ElementType.ServiceTask:
                ServiceTaskRules.Check(run, id, element);
                break;
            case ElementType.EndEvent or ElementType.ExclusiveGateway or ElementType.ParallelGateway:
                break;
            case ElementType.SubProcess:
                // A call left here could not be expanded; SubProcessCalls has said why.
                break;
            default:
                run.Add(id, "type", UnknownValue, $"元素类型“{element.Type}”未知。");
                break;
        }
    }
}
