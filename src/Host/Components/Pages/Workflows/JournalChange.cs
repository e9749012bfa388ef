using System.Text.Json.Nodes;
using Shizhu.Host.Components.Shared;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// Turns a journal row's structured change ({before, after}) into short Chinese lines for the 办理记录 table:
/// one line per changed part (任务、阶段、变量…), listing only the fields whose value changed. Ids are left out
/// (the row's own line names the task); variable names and outcome keys are the template's identifiers.
/// </summary>
public static class JournalChange
{
    private static readonly string[] Order = ["workflow", "stage", "task", "tasks", "token", "tokens", "variables", "timer", "cancelledTimers", "alert", "incident", "evidence"];

    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["workflow"] = "工作流", ["stage"] = "阶段", ["task"] = "任务", ["tasks"] = "任务", ["token"] = "流转位置",
        ["tokens"] = "流转位置", ["variables"] = "变量", ["timer"] = "定时", ["cancelledTimers"] = "取消的定时",
        ["alert"] = "预警", ["incident"] = "流程异常", ["evidence"] = "佐证材料",
        ["next"] = "后续任务", ["reopened"] = "重新打开的任务", ["copies"] = "抄送",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["status"] = "状态", ["assignee"] = "领办人", ["outcome"] = "结果", ["completedBy"] = "办结人", ["element"] = "所在环节",
        ["key"] = "标识", ["kind"] = "类型", ["dueAt"] = "到期", ["firedAt"] = "触发", ["cancelledAt"] = "取消",
        ["requirement"] = "材料项", ["fileName"] = "文件", ["error"] = "原因", ["resolvedBy"] = "处理人",
        ["role"] = "角色", ["scope"] = "范围", ["departmentCode"] = "部门", ["contentType"] = "文件类型", ["size"] = "字节数",
        ["sha256"] = "SHA-256", ["townshipCode"] = "乡镇代码", ["track"] = "创建类别", ["startYear"] = "开始年度",
        ["targetYear"] = "目标年度", ["templateKey"] = "模板", ["templateVersion"] = "模板版本",
        ["owner"] = "委托人", ["delegation"] = "委派", ["note"] = "说明", ["users"] = "抄送人", ["comment"] = "说明",
    };

    /// <summary>The words for the two kinds of value the rest of the UI has no name for: a task's scope and a timer's kind.</summary>
    private static readonly Dictionary<string, string> ScopesAndTimerKinds = new(StringComparer.Ordinal)
    {
        ["township"] = "乡镇", ["county"] = "县爱卫办", ["department"] = "县级部门",
        ["taskDue"] = "办理期限", ["timerEvent"] = "定时等待", ["boundary"] = "边界定时",
    };

    /// <summary>The lines to show; empty when the row has no structured change or nothing in it changed.</summary>
    public static IReadOnlyList<string> Lines(JsonObject? before, JsonObject? after)
    {
        if (before is null && after is null) return [];
        var parts = (before?.Select(p => p.Key) ?? []).Union(after?.Select(p => p.Key) ?? [])
            .OrderBy(k => Array.IndexOf(Order, k) is var i && i < 0 ? int.MaxValue : i).ThenBy(k => k, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var part in parts)
        {
            var changes = Changes(part, before?[part], after?[part]);
            if (changes.Count > 0) lines.Add($"{Parts.GetValueOrDefault(part, part)}：{string.Join("；", changes)}");
        }
        return lines;
    }

    private static List<string> Changes(string part, JsonNode? before, JsonNode? after)
    {
        if (before is JsonObject or null && after is JsonObject or null && (before ?? after) is JsonObject)
        {
            var old = before as JsonObject;
            var now = after as JsonObject;
            return (old?.Select(p => p.Key) ?? []).Union(now?.Select(p => p.Key) ?? [])
                // Ids (id, taskId, workflowId) mean nothing to a reader; the row's own line names what they point at.
                .Where(f => f != "id" && !f.EndsWith("Id", StringComparison.Ordinal) && !JsonNode.DeepEquals(old?[f], now?[f]))
                .Select(f => $"{Fields.GetValueOrDefault(f, f)} {Value(part, old?[f], f)} → {Value(part, now?[f], f)}")
                .ToList();
        }
        if (JsonNode.DeepEquals(before, after)) return [];
        return after is JsonArray list ? [$"{list.Count} 项"] : [$"{Value(part, before, null)} → {Value(part, after, null)}"];
    }

    private static string Value(string part, JsonNode? value, string? field) => value switch
    {
        null => "（无）",
        JsonValue v when v.TryGetValue<string>(out var text) => Named(part, field, text),
        JsonObject or JsonArray => value.ToJsonString().Length > 60 ? "…" : value.ToJsonString(),
        _ => value.ToJsonString(),
    };

    /// <summary>
    /// A text value in the words the rest of the UI uses (<see cref="UiText"/>); identifiers (keys, element ids,
    /// variable values) stay as written.
    /// </summary>
    private static string Named(string part, string? field, string text) => field switch
    {
        "status" => part switch
        {
            "task" or "tasks" when Enum.TryParse<UserTaskStatus>(text, ignoreCase: true, out var task) => UiText.Status(task),
            "workflow" when Enum.TryParse<WorkflowStatus>(text, ignoreCase: true, out var workflow) => UiText.Status(workflow),
            "stage" when Enum.TryParse<StageStatus>(text, ignoreCase: true, out var stage) => UiText.Stage(stage),
            _ => text,
        },
        "role" => UiText.Role(text),
        "outcome" => UiText.Outcome(text),
        "track" => UiText.Track(text),
        "scope" or "kind" => ScopesAndTimerKinds.GetValueOrDefault(text, text),
        _ when text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at) => UiText.Time(at),
        _ => text,
    };
}
