using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shizhu.Host.Components.Shared;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>What the sentences need besides the rows: people's display names and the workflow's task titles by id.</summary>
public sealed record JournalContext(IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<Guid, string> Tasks);

/// <summary>
/// 办理记录 as people read it: one sentence per journal row, built per <see cref="JournalKind"/> from the row's
/// structured change ("石家乡工作人员 办结了‘召开创建动员大会’，结果：通过，附 2 份佐证材料"), with display names,
/// outcome names and task titles — never user names, element ids or hashes. The structured change stays behind a
/// details toggle (<see cref="JournalChange"/>).
/// </summary>
public static partial class JournalSentence
{
    /// <summary>The sentence of every row, keyed by the row; evidence counts are those on file when each task was completed.</summary>
    public static IReadOnlyDictionary<JournalView, string> For(IReadOnlyList<JournalView> rows, JournalContext context)
    {
        var onFile = new Dictionary<Guid, int>();
        var sentences = new Dictionary<JournalView, string>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows.OrderBy(r => r.At))
        {
            var task = TaskIds(row).FirstOrDefault();
            if (row.Kind == JournalKind.EvidenceUploaded) onFile[task] = onFile.GetValueOrDefault(task) + 1;
            if (row.Kind == JournalKind.EvidenceRemoved) onFile[task] = Math.Max(0, onFile.GetValueOrDefault(task) - 1);
            sentences[row] = Of(row, context, onFile.GetValueOrDefault(task));
        }
        return sentences;
    }

    /// <summary>One row's sentence; <paramref name="evidenceOnFile"/> is told when the row completes a task.</summary>
    public static string Of(JournalView row, JournalContext context, int evidenceOnFile = 0)
    {
        var who = UiText.Person(row.Actor, context.People);
        var title = $"‘{Title(row, context)}’";
        var reason = Text(row.After?["workflow"]?["reason"]);
        var because = reason is null ? "" : $"，原因：{reason}";
        return row.Kind switch
        {
            JournalKind.WorkflowStarted => $"{who} 启动了创建工作流",
            JournalKind.WorkflowCompleted => "创建工作流已完成",
            JournalKind.WorkflowCancelled => $"{who} 终止了创建工作流{because}",
            JournalKind.WorkflowSuspended => $"{who} 暂停了创建工作流{because}",
            JournalKind.WorkflowResumed => $"{who} 恢复了创建工作流{because}",
            JournalKind.StageEntered => $"进入“{After(row.Detail)}”阶段",
            JournalKind.StageCompleted => $"“{After(row.Detail)}”阶段完成",
            JournalKind.TaskCreated => $"生成任务{title}",
            JournalKind.TaskCompleted => Completed(row, who, title, evidenceOnFile),
            JournalKind.TaskClaimed => $"{who} 领办了{title}",
            JournalKind.TaskReleased => $"{who} 放弃领办{title}",
            JournalKind.TaskAssigned => $"{who} 将{title}指派给 {UiText.Person(Text(row.After?["task"]?["assignee"]), context.People)}",
            JournalKind.TaskOverdue or JournalKind.TaskTimedOut => $"{title}已逾期",
            JournalKind.EvidenceUploaded => $"{who} 为{title}上传了佐证材料《{Text(row.After?["evidence"]?["fileName"])}》",
            JournalKind.EvidenceRemoved => $"{who} 删除了{title}的佐证材料《{Text(row.Before?["evidence"]?["fileName"])}》",
            JournalKind.SubsidyPaid => $"{who} 确认{Plain(row.Detail)}",
            // 会签/或签 (ADR 0045): the engine's own sentence ("会签完成：…（9/9 已签，结果：同意）"), no person: the last signature did it.
            JournalKind.MultiInstanceCompleted => Plain(row.Detail),
            // What the engine did on its own, whoever's command set it going: no person, no element id.
            JournalKind.TimerElapsed => "约定的时间已到，流程继续",
            JournalKind.WaitingForTime or JournalKind.ServiceTaskCompleted => Plain(row.Detail),
            JournalKind.WaitingForMessage => $"等待{Message(After(row.Detail))}",
            JournalKind.MessageDelivered => $"{who} 登记了{Message(After(row.Detail).Split(' ')[0])}",
            JournalKind.TaskAlertRaised => $"对{title}发出{Before(row.Detail)}",
            JournalKind.IncidentRaised => $"流程出现异常，待县爱卫办处理：{After(row.Detail[(row.Detail.IndexOf('）') + 1)..])}",
            JournalKind.TaskTransferred or JournalKind.TaskDelegated or JournalKind.DelegationResolved or JournalKind.TaskSentBack
                or JournalKind.TaskCopied or JournalKind.TaskWithdrawn => Operation(row, context, who, title)!,
            _ => row.Actor == "system" ? Plain(row.Detail) : $"{who}：{Plain(row.Detail)}",
        };
    }

    /// <summary>The tasks a row is about, read from its structured change (task, tasks, evidence, alert).</summary>
    public static IReadOnlyList<Guid> TaskIds(JournalView row)
    {
        var ids = new List<Guid>();
        foreach (var state in new[] { row.Before, row.After })
        {
            if (state is null) continue;
            Add(ids, state["task"]?["id"]);
            Add(ids, state["evidence"]?["taskId"]);
            Add(ids, state["alert"]?["taskId"]);
            if (state["tasks"] is JsonArray tasks)
                foreach (var task in tasks)
                    Add(ids, task?["id"]);
        }
        foreach (var id in OperationTaskIds(row)) Add(ids, id);
        return [.. ids.Distinct()];
    }

    private static string Completed(JournalView row, string who, string title, int evidenceOnFile)
    {
        var parts = new List<string> { $"{who} 办结了{title}" };
        if (Text(row.After?["task"]?["outcome"]) is { } outcome) parts.Add($"结果：{UiText.Outcome(outcome)}");
        if (evidenceOnFile > 0) parts.Add($"附 {evidenceOnFile} 份佐证材料");
        var sentence = string.Join("，", parts);
        var comment = CommentOf(row.Detail);
        return comment is null ? sentence : $"{sentence}；意见：{comment}";
    }

    /// <summary>The task's title: from the workflow's tasks, else from the row's own line ("办结任务：{title}（…）").</summary>
    private static string Title(JournalView row, JournalContext context)
    {
        if (TaskIds(row).Select(id => context.Tasks.GetValueOrDefault(id)).FirstOrDefault(t => t is not null) is { } known) return known;
        var fromDetail = Regex.Match(row.Detail, "任务：([^（；）]+)").Groups[1].Value;
        return fromDetail.Length > 0 ? fromDetail : After(row.Detail);
    }

    private static string? CommentOf(string detail)
    {
        var at = detail.IndexOf("；意见：", StringComparison.Ordinal);
        return at < 0 ? null : detail[(at + "；意见：".Length)..];
    }

    private static string Before(string detail)
    {
        var at = detail.IndexOf('：', StringComparison.Ordinal);
        return at < 0 ? detail : detail[..at];
    }

    /// <summary>An outside message by its Chinese name (the one the workflow page's waiting panel uses).</summary>
    private static string Message(string name) => name switch
    {
        "municipal-verdict" => "市爱卫办（会）技术评估验收结论",
        _ => $"外部消息“{name}”",
    };

    private static string After(string detail)
    {
        var at = detail.IndexOf('：', StringComparison.Ordinal);
        return at < 0 ? detail : detail[(at + 1)..];
    }

    /// <summary>A row's own line without what only a machine reads: hashes and byte counts.</summary>
    private static string Plain(string detail) => Hash().Replace(detail, "");

    [GeneratedRegex(@"[；;，,]?\s*SHA-256[:：]\s*[0-9a-fA-F]{16,}")]
    private static partial Regex Hash();

    private static void Add(List<Guid> ids, JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)) ids.Add(id);
        else if (node is JsonValue direct && direct.TryGetValue<Guid>(out var guid)) ids.Add(guid);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
