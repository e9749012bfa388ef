using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// The open instances of a 会签/或签 element on one token (ADR 0045), and their cancellation once the element no longer
/// needs them: the completion condition held, or the token left the element (退回). Each is cancelled as a task a token
/// leaves — timers stopped, alerts resolved, a <see cref="TaskCancelled"/> event — under one journal row.
/// </summary>
internal static class OpenSignatures
{
    /// <summary>The element's other open instances on <paramref name="task"/>'s token, tracked for the write.</summary>
    public static Task<List<WorkflowTask>> OfAsync(WorkflowDbContext db, WorkflowTask task, CancellationToken ct) =>
        db.Tasks.Where(t => t.WorkflowId == task.WorkflowId && t.TokenId == task.TokenId && t.ElementId == task.ElementId
                            && t.Status == UserTaskStatus.Open && t.Id != task.Id).ToListAsync(ct);

    /// <summary>
    /// The element completed through <paramref name="completed"/>: the journal row says so in a sentence (“会签 7/9 已签，结果：…；
    /// 其余 2 份签署已取消”) and the remaining instances are cancelled.
    /// </summary>
    public static async Task CompleteElementAsync(WorkflowDbContext db, EngineChanges changes, WorkflowInstance workflow, WorkflowTask completed,
        ElementDefinition element, MultiInstanceDefinition multi, int signed, IReadOnlyList<WorkflowTask> rest, CancellationToken ct)
    {
        var outcome = completed.Outcome is { } o ? $"，结果：{OutcomeNames.Chinese(o)}" : "";
        var cancelled = rest.Count == 0 ? "" : $"；其余 {rest.Count} 份签署不再需要，已取消";
        var journal = changes.Journal(workflow.Id, JournalKind.MultiInstanceCompleted,
            $"{multi.Name}完成：{element.Title ?? element.Id}（{signed}/{multi.Keys.Count} 已签{outcome}）{cancelled}");
        journal.After["task"] = JournalState.Task(completed);
        await CancelAsync(db, changes, workflow, rest, $"“{element.Title ?? element.Id}”的{multi.Name}已完成，此份签署不再需要。", journal, ct);
    }

    /// <summary>Cancels <paramref name="tasks"/> (timers, alerts, event each); <paramref name="journal"/> lists them before → after.</summary>
    public static async Task CancelAsync(WorkflowDbContext db, EngineChanges changes, WorkflowInstance workflow, IReadOnlyList<WorkflowTask> tasks,
        string reason, JournalRecord journal, CancellationToken ct)
    {
        if (tasks.Count == 0) return;
        journal.Before["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)JournalState.Task(t))]);
        var ids = tasks.Select(t => t.Id).ToList();
        var timers = await db.Timers.Where(t => t.TaskId != null && ids.Contains(t.TaskId.Value) && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
        timers.ForEach(t => { t.CancelledAt = changes.Now; t.Revision++; });
        var resolved = 0;
        foreach (var task in tasks)
        {
            task.Status = UserTaskStatus.Cancelled;
            task.Revision++;
            if (task.Alerted) resolved += await AlertResolver.ResolveTaskAsync(db, task.Id, AlertResolution.SignatureNotNeeded, changes.Now, ct);
            changes.Raise(id => new TaskCancelled(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
                task.StageKey, task.Title, task.Role, reason, task.DepartmentCode));
        }
        journal.After["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)JournalState.Task(t))]);
        if (resolved > 0) journal.After["resolvedAlerts"] = resolved;
    }
}
