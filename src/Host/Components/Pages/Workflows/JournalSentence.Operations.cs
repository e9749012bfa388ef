using System.Text.RegularExpressions;
using Shizhu.Host.Components.Shared;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// The task operations' sentences (转办, 委派, 退回, 抄送, 撤回): who handed what to whom and why, in the words a township
/// reads ("县爱卫办 李明 将‘县爱卫办确认创建申请’退回至‘向县爱卫办提出创建申请’，原因：……"), instead of the engine's line.
/// People come from the row's structured change (the task's <c>assignee</c> and <c>note</c>); what the change does not
/// hold (the target's title, the copied people's names) from the engine's line, which already names them.
/// </summary>
public static partial class JournalSentence
{
    private static string? Operation(JournalView row, JournalContext context, string who, string title)
    {
        var assignee = UiText.Person(Text(row.After?["task"]?["assignee"]), context.People);
        var note = Text(row.After?["task"]?["note"]);
        return row.Kind switch
        {
            JournalKind.TaskTransferred => $"{who} 将{title}转办给 {assignee}{Suffix("原因", note ?? Part(row.Detail, "原因"))}",
            JournalKind.TaskDelegated => $"{who} 将{title}委派给 {assignee}{Suffix("说明", note ?? Part(row.Detail, "说明"))}",
            JournalKind.DelegationResolved => $"{who} 办理了委派的{title}，交回 {assignee} 确认{Suffix("说明", note ?? Part(row.Detail, "说明"))}",
            JournalKind.TaskSentBack => $"{who} 将{title}退回至‘{Between(row.Detail, "→ ", "；")}’{Suffix("原因", Part(row.Detail, "原因"))}",
            JournalKind.TaskCopied => $"{who} 将{title}抄送给 {Between(row.Detail, "（抄送 ", "）")}{Suffix("说明", Part(row.Detail, "说明"))}",
            JournalKind.TaskWithdrawn => $"{who} 撤回了{title}的办结{Suffix("原因", Part(row.Detail, "原因"))}",
            _ => null,
        };
    }

    /// <summary>The tasks an operation row is about besides <c>task</c>: the one a 退回 reopened, the one a 抄送 copied.</summary>
    private static IEnumerable<System.Text.Json.Nodes.JsonNode?> OperationTaskIds(JournalView row) =>
        [row.After?["reopened"]?["id"], row.After?["copies"]?["taskId"]];

    private static string Suffix(string label, string? text) => string.IsNullOrWhiteSpace(text) ? "" : $"，{label}：{text}";

    /// <summary>The engine line's "；{label}：…" part, up to the end.</summary>
    private static string? Part(string detail, string label)
    {
        var at = detail.IndexOf($"；{label}：", StringComparison.Ordinal);
        return at < 0 ? null : detail[(at + label.Length + 2)..];
    }

    private static string Between(string detail, string start, string end)
    {
        var match = Regex.Match(detail, Regex.Escape(start) + "(.+?)" + Regex.Escape(end));
        return match.Success ? match.Groups[1].Value : "";
    }
}
