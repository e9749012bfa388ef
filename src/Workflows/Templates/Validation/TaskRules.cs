using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>What a user task carries: its scope, its outcomes, its form, the evidence it asks for, and its boundary timers.</summary>
internal static class TaskRules
{
    public static readonly IReadOnlyList<string> FieldTypes = ["text", "number", "date", "boolean", "select"];
    public static readonly IReadOnlyList<string> BoundaryKinds = ["reminder", "escalation", "timeout"];

    /// <summary>
    /// A department's task names its department and is done by department staff; department staff do department
    /// tasks only (they belong to no township and are not the county office).
    /// </summary>
    public static void CheckScope(ValidationRun run, string id, ElementDefinition element)
    {
        if (element.Scope == TaskScope.Department)
        {
            // A 会签 over departments gives each instance its department (MultiInstanceRules).
            if (string.IsNullOrWhiteSpace(element.DepartmentCode) && element.MultiInstance?.DepartmentCodes is null)
                run.Add(id, "departmentCode", Required, "县级部门办理的任务（scope: department）必须指定部门（departmentCode）。");
            if (element.Role is { } role && role != Roles.CountyDepartment)
                run.Add(id, "role", NotAllowed, $"县级部门办理的任务只能由县级部门人员（{Roles.CountyDepartment}）办理，不能是“{role}”。");
        }
        else if (element.Role == Roles.CountyDepartment)
        {
            run.Add(id, "scope", NotAllowed, "县级部门人员（county-department）只办理县级部门的任务：请将办理范围（scope）设为 department 并指定部门。");
        }
    }

    public static void CheckOutcomes(ValidationRun run, string id, IReadOnlyList<string>? outcomes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (outcomes?.Count ?? 0); i++)
        {
            var field = $"outcomes[{i}]";
            if (!Text.Require(run, id, field, outcomes![i], 60, "办理结果")) continue;
            if (!seen.Add(outcomes[i])) run.Add(id, field, Duplicate, $"办理结果“{outcomes[i]}”重复。");
        }
    }

    public static void CheckForm(ValidationRun run, string id, IReadOnlyList<FormField>? form)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (form?.Count ?? 0); i++)
        {
            var field = form![i];
            var path = $"form[{i}]";
            if (field is null)
            {
                run.Add(id, path, Required, $"第 {i + 1} 个表单字段是空的（null）。");
                continue;
            }
            if (Text.RequireId(run, id, path + ".key", field.Key, 60, "表单字段键") && !keys.Add(field.Key))
                run.Add(id, path + ".key", Duplicate, $"表单字段键“{field.Key}”重复。");
            Text.Require(run, id, path + ".label", field.Label, 100, "表单字段名称");
            if (!FieldTypes.Contains(field.Type))
                run.Add(id, path + ".type", UnknownValue, $"表单字段类型“{field.Type}”未知：可用的有 {string.Join("、", FieldTypes)}。");
            if (field.Type == "select" && field.Options is not { Count: > 0 })
                run.Add(id, path + ".options", SelectWithoutOptions, $"下拉选择字段“{field.Label}”必须给出选项（options）。");
            if (field.Options is { } options && options.Any(string.IsNullOrWhiteSpace))
                run.Add(id, path + ".options", Required, $"字段“{field.Label}”的选项不能为空。");
            else if (field.Options is { } distinct && distinct.Distinct(StringComparer.Ordinal).Count() != distinct.Count)
                run.Add(id, path + ".options", Duplicate, $"字段“{field.Label}”的选项有重复。");
            if (field.Min is { } min && field.Max is { } max && min > max)
                run.Add(id, path + ".max", InvalidRange, $"字段“{field.Label}”的最大值不能小于最小值。");
            if (field.MaxLength is < 1)
                run.Add(id, path + ".maxLength", InvalidRange, $"字段“{field.Label}”的最大长度必须至少为 1。");
        }
    }

    public static void CheckEvidence(ValidationRun run, string id, IReadOnlyList<EvidenceRequirement>? evidence, IReadOnlyList<string>? outcomes)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (evidence?.Count ?? 0); i++)
        {
            var item = evidence![i];
            var path = $"evidence[{i}]";
            if (item is null)
            {
                run.Add(id, path, Required, $"第 {i + 1} 项佐证材料是空的（null）。");
                continue;
            }
            if (Text.RequireId(run, id, path + ".key", item.Key, 60, "佐证材料键"))
            {
                // Files are uploaded naming this key, and an upload takes ASCII keys only (EvidenceUploader).
                if (!item.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                    run.Add(id, path + ".key", InvalidId, $"佐证材料键“{item.Key}”只能包含英文字母、数字、连字符（-）和下划线（_）。");
                else if (!keys.Add(item.Key))
                    run.Add(id, path + ".key", Duplicate, $"佐证材料键“{item.Key}”重复。");
            }
            Text.Require(run, id, path + ".label", item.Label, 100, "佐证材料名称");
            CheckRequiredFor(run, id, path + ".requiredFor", item, outcomes ?? []);
        }
    }

    /// <summary><c>requiredFor</c> narrows a required requirement to some of the task's own outcomes.</summary>
    private static void CheckRequiredFor(ValidationRun run, string id, string path, EvidenceRequirement item, IReadOnlyList<string> outcomes)
    {
        if (item.RequiredFor is not { } requiredFor) return;
        if (!item.Required)
        {
            run.Add(id, path, NotAllowed, $"佐证材料“{item.Label}”不是必需的（required 为 false），不能再指定 requiredFor。");
            return;
        }
        if (requiredFor.Count == 0)
        {
            run.Add(id, path, Required, $"佐证材料“{item.Label}”的 requiredFor 不能为空：对所有办理结果都必需时请省略它，都不需要时请设 required 为 false。");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requiredFor.Count; i++)
        {
            var outcome = requiredFor[i];
            var field = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(outcome))
                run.Add(id, field, Required, $"佐证材料“{item.Label}”的 requiredFor 第 {i + 1} 项是空的。");
            else if (!outcomes.Contains(outcome, StringComparer.Ordinal))
                run.Add(id, field, UnknownOutcome, outcomes.Count == 0
                    ? $"任务 {id} 没有定义办理结果（outcomes），佐证材料“{item.Label}”不能按结果“{outcome}”要求。"
                    : $"任务 {id} 的办理结果只有 {string.Join("、", outcomes)}，没有“{outcome}”。");
            else if (!seen.Add(outcome))
                run.Add(id, field, Duplicate, $"佐证材料“{item.Label}”的 requiredFor 中“{outcome}”重复。");
        }
    }

    /// <summary>Boundary timers sit on user tasks only; their ids share one space with the elements' (<paramref name="ids"/>).</summary>
    public static void CheckBoundaries(ValidationRun run, string id, ElementDefinition element, HashSet<string> ids)
    {
        if (element.Boundary is not { Count: > 0 } boundaries) return;
        if (element.Type != ElementType.UserTask)
        {
            run.Add(id, "boundary", NotAllowed, "只有用户任务可以设置边界定时器（boundary）。");
            return;
        }
        for (var i = 0; i < boundaries.Count; i++)
        {
            var boundary = boundaries[i];
            var path = $"boundary[{i}]";
            if (boundary is null)
            {
                run.Add(id, path, Required, $"第 {i + 1} 个边界定时器是空的（null）。");
                continue;
            }
            if (Text.RequireId(run, id, path + ".id", boundary.Id, 80, "边界定时器编号") && !ids.Add(boundary.Id))
                run.Add(id, path + ".id", DuplicateId, $"边界定时器编号“{boundary.Id}”重复：每个元素和边界定时器的编号都必须唯一。");
            DueRules.Check(run, id, path + ".due", boundary.Due, required: true);
            if (!BoundaryKinds.Contains(boundary.Kind))
                run.Add(id, path + ".kind", UnknownValue, $"边界定时器类型“{boundary.Kind}”未知：可用的有 {string.Join("、", BoundaryKinds)}。");
            if (!boundary.Interrupting) continue;
            if (string.IsNullOrWhiteSpace(boundary.To))
                run.Add(id, path + ".to", Required, "中断型边界定时器必须指定超时后转入的元素（to）。");
            else if (!run.ElementsById.ContainsKey(boundary.To))
                run.Add(id, path + ".to", UnknownElement, $"超时后转入的元素“{boundary.To}”不存在。");
        }
    }
}
