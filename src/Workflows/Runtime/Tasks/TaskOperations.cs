using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// The operations Chinese offices use on a task besides completing it (ADR 0031): 转办 transfer, 委派 delegate and its
/// resolution, 退回 send back, 抄送 copy, 撤回 withdraw. Each is one transaction through the idempotency pipeline with a
/// journal row of its own kind and a <see cref="TaskHandedOver"/> event; the rules are <see cref="TaskOperationRules"/>.
/// </summary>
/// <remarks>One file per command (<c>TransferTask.cs</c>, <c>DelegateTask.cs</c>, …); this part holds what they share.</remarks>
public sealed partial class TaskOperations(WorkflowDbContext db, IdempotencyLedger ledger, WorkflowStateLoader process)
{
    private const int MaxReasonLength = 500;

    /// <summary>
    /// The task with its workflow (stages and tokens) and pending timers; not found unless the actor can see it;
    /// <paramref name="authorise"/> refuses before the state checks, so a stranger learns nothing about the task's state.
    /// </summary>
    private async Task<TaskState> LoadAsync(Guid taskId, Actor actor, Action<WorkflowTask> authorise, string action, bool open, CancellationToken ct)
    {
        var state = await process.LoadTaskAsync(taskId, ct);
        if (state is null || !actor.CanSeeTask(state.Task)) throw WorkflowException.NotFound("任务不存在。");
        authorise(state.Task);
        if (open) WorkflowGuard.EnsureOpen(state.Task);
        WorkflowGuard.EnsureRunning(state.Workflow, action);
        return state;
    }

    private static string Required(string? text, string field, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw WorkflowException.Invalid(field, $"请填写{what}。");
        return trimmed.Length > MaxReasonLength ? throw WorkflowException.Invalid(field, $"{what}不能超过 {MaxReasonLength} 字。") : trimmed;
    }

    private static string? Optional(string? text, string field, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length > MaxReasonLength ? throw WorkflowException.Invalid(field, $"{what}不能超过 {MaxReasonLength} 字。") : trimmed;
    }

    /// <summary>The person a task goes to must hold its role in its scope (the same rule as assigning it).</summary>
    private async Task EnsureEligibleAsync(Actor person, WorkflowTask task, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person.UserName)) throw WorkflowException.Invalid(field, "请指定接收人。");
        if (WorkflowGuard.CanWorkOn(person, task)) return;
        if (!person.IsInRole(task.Role))
            throw WorkflowException.Invalid(field, $"{person.Name} 没有办理此任务所需的角色，不能接收。");
        var where = task.Scope switch
        {
            TaskScope.County => "此任务由县级办理",
            TaskScope.Department => $"此任务由{await DepartmentNameAsync(task, ct)}办理",
            _ => "此任务由本乡镇办理",
        };
        throw WorkflowException.Invalid(field, $"{where}，{person.Name} 不能接收。");
    }

    private async Task<string> DepartmentNameAsync(WorkflowTask task, CancellationToken ct) =>
        await db.Departments.AsNoTracking().Where(d => d.Code == task.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(ct)
        ?? task.DepartmentCode ?? "";

    /// <summary>Writes the journal row (the task before → after) and the event for who has the task now.</summary>
    private static JournalRecord Record(EngineChanges changes, WorkflowInstance workflow, WorkflowTask task, JsonObject before, JournalKind kind,
        string detail, string operation, string? to, string? toName, Actor actor, string? reason)
    {
        var journal = changes.Journal(workflow.Id, kind, detail);
        journal.Before["task"] = before;
        journal.After["task"] = Snapshot(task);
        changes.Raise(id => new TaskHandedOver(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
            task.Title, task.Role, task.DepartmentCode, operation, to, toName, actor.UserName, actor.Name, reason));
        return journal;
    }

    /// <summary>The task's state as these operations change it: the journal's task object plus owner, delegation and note.</summary>
    private static JsonObject Snapshot(WorkflowTask task) => JournalState.Task(task)
        .With("owner", task.Owner).With("delegation", task.Delegation is { } d ? JournalState.Name(d) : null).With("note", task.HandoverNote);

    private static void Touch(WorkflowTask task, WorkflowInstance workflow)
    {
        task.Revision++;
        // The workflow's token too: a suspension or cancellation committing meanwhile makes this command re-check.
        workflow.Revision++;
    }

    /// <summary>Cancels an open task that a token leaves without completing it (退回, 撤回): its pending timers stop too.</summary>
    private async Task CancelAsync(WorkflowInstance workflow, WorkflowTask task, string reason, EngineChanges changes, CancellationToken ct)
    {
        task.Status = UserTaskStatus.Cancelled;
        task.Revision++;
        var pending = await db.Timers.Where(t => t.TaskId == task.Id && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
        pending.ForEach(t => { t.CancelledAt = changes.Now; t.Revision++; });
        changes.Raise(id => new TaskCancelled(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, task.Role, reason, task.DepartmentCode));
    }
}
