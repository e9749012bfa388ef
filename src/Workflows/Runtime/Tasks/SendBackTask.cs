using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>退回: send the work back to the earlier user task <see cref="ToElementId"/> of the same token's path, with a reason.</summary>
public sealed record SendBackTask(string? ToElementId, string? Reason);

/// <summary>An earlier user task a task may be sent back to, and who completed it there (who gets it again).</summary>
public sealed record SendBackTarget(string ElementId, string Title, string CompletedBy);

public sealed partial class TaskOperations
{
    public const string SendBackCommand = "send-back-task";

    /// <summary>
    /// Cancels the task (and its timers), moves its token back to the target element and opens a fresh task there,
    /// assigned to whoever completed it last, the reason on it (<c>handoverNote</c>). Answers the fresh task.
    /// 400 <c>toElementId</c> for anything but an earlier user task completed on this token's path with nothing between
    /// but user tasks, exclusive gateways and timers (ADR 0031: parallel branches are refused, not cancelled).
    /// </summary>
    public Task<TaskView> SendBackAsync(Guid taskId, SendBackTask command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Required(command.Reason, "reason", "退回原因");
        if (string.IsNullOrWhiteSpace(command.ToElementId)) throw WorkflowException.Invalid("toElementId", "请选择退回到哪一项任务。");
        return ledger.RunAsync(actor, CommandRequest.For(SendBackCommand, taskId, idempotencyKey, command), async changes =>
        {
            var (task, workflow, _) = await LoadAsync(taskId, actor, task =>
            {
                if (!TaskOperationRules.CanSendBack(actor, task)) throw WorkflowException.Forbidden("只有能办理此任务的人或县爱卫办可以退回。");
            }, "退回任务", open: true, ct);
            var graph = ProcessGraph.For(await process.TemplateAsync(workflow, ct));
            var targets = await SendBackTargetsAsync(db, task, graph, ct);
            var target = targets.FirstOrDefault(t => t.ElementId == command.ToElementId)
                ?? throw WorkflowException.Invalid("toElementId", WhyNotTarget(graph, task, command.ToElementId!));
            var token = workflow.Tokens.Single(t => t.Id == task.TokenId);

            var journal = changes.Journal(workflow.Id, JournalKind.TaskSentBack, $"退回任务：{task.Title} → {target.Title}；原因：{reason}");
            journal.Before["task"] = Snapshot(task);
            await CancelAsync(workflow, task, $"已退回至“{target.Title}”：{reason}", changes, ct);
            // Sent back out of a 会签/或签: the token leaves the element, so its other open signatures go too (ADR 0045).
            if (task.InstanceKey is not null)
                await OpenSignatures.CancelAsync(db, changes, workflow, await OpenSignatures.OfAsync(db, task, ct), $"已退回至“{target.Title}”：{reason}", journal, ct);
            workflow.Revision++;
            journal.After["task"] = Snapshot(task);
            var opened = (await process.RunnerAsync(workflow, changes, ct)).SendBack(token, target.ElementId, journal);
            var reopened = opened.FirstOrDefault() ?? throw new InvalidOperationException($"Sending back to {target.ElementId} opened no task.");
            // Sent back into a 会签/或签: every instance opens afresh for its own department, user or role, none assigned
            // to whoever signed last; an ordinary task goes to whoever completed it.
            if (reopened.InstanceKey is null) reopened.Assignee = target.CompletedBy;
            opened.ToList().ForEach(t => t.HandoverNote = reason);
            journal.After["reopened"] = Snapshot(reopened);
            changes.Raise(id => new TaskHandedOver(id, changes.Now, workflow.Id, reopened.Id, workflow.TownshipCode, workflow.TownshipName,
                reopened.Title, reopened.Role, reopened.DepartmentCode, TaskOperationNames.SentBack, target.CompletedBy, null, actor.UserName,
                actor.Name, reason));
            return TaskView.From(reopened);
        }, ct);
    }

    /// <summary>
    /// Where <paramref name="task"/> may be sent back: user tasks completed on its token's path with a passable way
    /// between (<see cref="TaskPaths"/>), the latest first, each once with whoever completed it last.
    /// </summary>
    internal static async Task<IReadOnlyList<SendBackTarget>> SendBackTargetsAsync(WorkflowDbContext db, WorkflowTask task, ProcessGraph graph, CancellationToken ct)
    {
        if (task.TokenId is not { } tokenId) return [];
        var completed = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkflowId == task.WorkflowId && t.TokenId == tokenId && t.Status == UserTaskStatus.Completed && t.ElementId != task.ElementId)
            .Select(t => new { t.ElementId, t.Title, t.CompletedBy, t.CompletedAt }).ToListAsync(ct);
        return [.. completed.OrderByDescending(t => t.CompletedAt).DistinctBy(t => t.ElementId)
            .Where(t => graph.Elements.TryGetValue(t.ElementId, out var e) && e.Type == ElementType.UserTask
                        && TaskPaths.WhyNotBack(graph, t.ElementId, task.ElementId) is null)
            .Select(t => new SendBackTarget(t.ElementId, t.Title, t.CompletedBy!))];
    }

    private static string WhyNotTarget(ProcessGraph graph, WorkflowTask task, string elementId)
    {
        if (!graph.Elements.TryGetValue(elementId, out var element) || element.Type != ElementType.UserTask || elementId == task.ElementId)
            return "退回目标必须是本流程中在此任务之前已办结的一项任务。";
        return TaskPaths.WhyNotBack(graph, elementId, task.ElementId) ?? "退回目标必须是本流程中在此任务之前已办结的一项任务。";
    }
}
