using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// What changed between two versions of a template, field by field: stages, elements (by id) and flows (by key) added,
/// removed or changed, each change with the field's Chinese name and its value before and after as compact JSON.
/// Sub-process definitions compare as elements named <c>{key}/{id}</c>. For the templates pages' side-by-side diff.
/// </summary>
public static class TemplateDiff
{
    private static readonly JsonSerializerOptions Json = new(TemplateCatalog.Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<TemplateChange> Compare(TemplateDefinition before, TemplateDefinition after)
    {
        var changes = new List<TemplateChange>();
        changes.AddRange(Items("stage", before.Stages, after.Stages, s => s.Key));
        changes.AddRange(Items("element", before.Elements, after.Elements, e => e.Id));
        changes.AddRange(Items("flow", before.Flows, after.Flows, f => f.Key));
        foreach (var sub in (before.SubProcesses ?? []).Select(s => s.Key).Union((after.SubProcesses ?? []).Select(s => s.Key)))
        {
            var b = before.SubProcesses?.FirstOrDefault(s => s.Key == sub);
            var a = after.SubProcesses?.FirstOrDefault(s => s.Key == sub);
            changes.AddRange(Items("element", b?.Elements ?? [], a?.Elements ?? [], e => $"{sub}/{e.Id}"));
            changes.AddRange(Items("flow", b?.Flows ?? [], a?.Flows ?? [], f => $"{sub}/{f.Key}"));
        }
        changes.AddRange(Fields("template", "parameters", before.Parameters, after.Parameters));
        return changes;
    }

    private static IEnumerable<TemplateChange> Items<T>(string kind, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.ToDictionary(key, StringComparer.Ordinal);
        var now = after.ToDictionary(key, StringComparer.Ordinal);
        foreach (var (id, item) in now.Where(n => !old.ContainsKey(n.Key)))
            yield return new TemplateChange(kind, id, "added", "", null, Compact(item));
        foreach (var (id, item) in old.Where(o => !now.ContainsKey(o.Key)))
            yield return new TemplateChange(kind, id, "removed", "", Compact(item), null);
        foreach (var (id, item) in old.Where(o => now.ContainsKey(o.Key)))
        {
            var b = JsonSerializer.SerializeToNode(item, Json)!.AsObject();
            var a = JsonSerializer.SerializeToNode(now[id], Json)!.AsObject();
            foreach (var field in b.Select(p => p.Key).Union(a.Select(p => p.Key)))
            {
                var x = b[field]?.ToJsonString(Json);
                var y = a[field]?.ToJsonString(Json);
                if (x != y) yield return new TemplateChange(kind, id, "changed", field, x, y);
            }
        }
    }

    private static IEnumerable<TemplateChange> Fields(string kind, string field, object? before, object? after)
    {
        var x = before is null ? null : JsonSerializer.Serialize(before, Json);
        var y = after is null ? null : JsonSerializer.Serialize(after, Json);
        if (x != y) yield return new TemplateChange(kind, TemplateChange.Template, "changed", field, x, y);
    }

    private static string Compact<T>(T item) => JsonSerializer.Serialize(item, Json);

    /// <summary>The Chinese name of a field of an element, flow or stage, for people.</summary>
    public static string FieldName(string field) => field switch
    {
        "" => "",
        "type" => "类型", "stage" => "阶段", "title" => "标题", "description" => "说明", "role" => "角色", "scope" => "范围",
        "departmentCode" => "县级部门", "due" => "期限", "outcomes" => "办理结果", "form" => "表单字段", "evidence" => "佐证材料",
        "boundary" => "边界定时器（催办、升级督办、超时）", "action" => "系统动作", "input" => "动作参数", "message" => "消息",
        "default" => "默认流转", "calls" => "调用子流程", "arguments" => "调用参数", "condition" => "条件", "from" => "起点",
        "to" => "终点", "name" => "名称", "phase" => "实施步骤", "parameters" => "模板参数", "key" => "键",
        "multiInstance" => "会签/或签（多实例）",
        _ => field,
    };
}

/// <summary>
/// One difference: <see cref="Kind"/> <c>stage</c>, <c>element</c>, <c>flow</c> or <c>template</c>; <see cref="Change"/>
/// <c>added</c>, <c>removed</c> or <c>changed</c> (then <see cref="Field"/> names the field); values as compact JSON.
/// </summary>
public sealed record TemplateChange(string Kind, string Id, string Change, string Field, string? Before, string? After)
{
    public const string Template = "template";
}
