using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Who works on a task (领办): a holder of the task's role claims it, the assignee or the county office releases
/// it, the county office (any township) or the township's leader (own township) assigns or reassigns it.
/// Each change is one transaction with a journal row (before → after) and a <see cref="TaskAssigned"/> event.
/// Repeating a change that already holds (claiming one's own task) changes nothing and raises nothing.
/// </summary>
public sealed class TaskAssignment(WorkflowDbContext db, IdempotencyLedger ledger)
{
    public const string ClaimCommand = "claim-task";
    public const string ReleaseCommand = "release-task";
    public const string AssignCommand = "assign-task";

    public Task<TaskView> ClaimAsync(Guid taskId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ledger.RunAsync(actor, idempotencyKey, ClaimCommand, taskId, async changes =>
        {
            var (task, workflow) = await LoadAsync(taskId, actor, task =>
            {
                if (!WorkflowGuard.CanWorkOn(actor, task)) throw WorkflowException.Forbidden("您的角色不能领办此任务。");
            }, ct);
            if (task.Assignee == actor.UserName) return TaskView.From(task);
            if (task.Assignee is { } other) throw WorkflowException.Conflict($"该任务已由 {other} 领办。");
            Change(changes, workflow, task, actor.UserName, JournalKind.TaskClaimed, $"领办任务：{task.Title}");
            return TaskView.From(task);
        }, ct);

    public Task<TaskView> ReleaseAsync(Guid taskId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ledger.RunAsync(actor, idempotencyKey, ReleaseCommand, taskId, async changes =>
        {
            var (task, workflow) = await LoadAsync(taskId, actor, task =>
            {
                if (task.Assignee is not null && task.Assignee != actor.UserName && !actor.IsInRole(Roles.CountyAdmin))
                    throw WorkflowException.Forbidden("只有领办人或县爱卫办可以取消领办。");
            }, ct);
            if (task.Assignee is null) return TaskView.From(task);
            Change(changes, workflow, task, null, JournalKind.TaskReleased, $"取消领办：{task.Title}");
            return TaskView.From(task);
        }, ct);

    /// <summary>
    /// Assigns the task to <paramref name="assignee"/>: the caller (the Host) looks the user up and describes them
    /// as an <see cref="Actor"/>; the engine checks they hold the task's role in its township.
    /// </summary>
    public Task<TaskView> AssignAsync(Guid taskId, Actor assignee, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var name = assignee.UserName?.Trim();
        if (string.IsNullOrEmpty(name)) throw WorkflowException.Invalid("userName", "请指定办理人。");
        if (name.Length > 100) throw WorkflowException.Invalid("userName", "用户名不能超过 100 个字符。");
        return ledger.RunAsync(actor, idempotencyKey, AssignCommand, taskId, async changes =>
        {
            var (task, workflow) = await LoadAsync(taskId, actor, task =>
            {
                var leaderOfTownship = actor.IsInRole(Roles.TownshipLeader) && task.Scope == TaskScope.Township
                                       && actor.TownshipCode == task.TownshipCode;
                if (!actor.IsInRole(Roles.CountyAdmin) && !leaderOfTownship)
                    throw WorkflowException.Forbidden("只有县爱卫办或本乡镇主要负责同志可以指派任务。");
            }, ct);
            var department = task.DepartmentCode is { } code
                ? await db.Departments.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? code
                : null;
            EnsureEligible(assignee with { UserName = name }, task, workflow, department);
            if (task.Assignee == name) return TaskView.From(task);
            var what = task.Assignee is null ? "指派任务" : "改派任务";
            Change(changes, workflow, task, name, JournalKind.TaskAssigned, $"{what}：{task.Title}");
            return TaskView.From(task);
        }, ct);
    }

    private static void EnsureEligible(Actor assignee, WorkflowTask task, WorkflowInstance workflow, string? departmentName)
    {
        if (WorkflowGuard.CanWorkOn(assignee, task)) return;
        if (!assignee.IsInRole(task.Role))
            throw WorkflowException.Invalid("userName", $"用户 {assignee.UserName} 没有办理此任务所需的角色（{task.Role}）。");
        throw WorkflowException.Invalid("userName", task.Scope switch
        {
            TaskScope.County => $"此任务由县级办理，用户 {assignee.UserName} 不能办理。",
            TaskScope.Department => $"此任务由{departmentName}办理，用户 {assignee.UserName} 不属于该部门。",
            _ => $"用户 {assignee.UserName} 不属于{workflow.TownshipName}，不能办理此任务。",
        });
    }

    /// <summary>
    /// Loads a task the actor can see (else "not found", as if it did not exist), lets <paramref name="authorise"/>
    /// refuse, then requires the task open and its workflow running.
    /// </summary>
    private async Task<(WorkflowTask Task, WorkflowInstance Workflow)> LoadAsync(
        Guid taskId, Actor actor, Action<WorkflowTask> authorise, CancellationToken ct)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !actor.CanSeeTask(task)) throw WorkflowException.NotFound("任务不存在。");
        authorise(task);
        WorkflowGuard.EnsureOpen(task);
        var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
        WorkflowGuard.EnsureRunning(workflow, "更改办理人");
        return (task, workflow);
    }

    private static void Change(EngineChanges changes, WorkflowInstance workflow, WorkflowTask task, string? assignee, JournalKind kind, string what)
    {
        var previous = task.Assignee;
        task.Assignee = assignee;
        task.Revision++;
        // The workflow's token too: a suspension or cancellation committing meanwhile makes this command re-check.
        workflow.Revision++;
        var journal = changes.Journal(workflow.Id, kind, $"{what}（办理人：{previous ?? "无"} → {assignee ?? "无"}）");
        journal.Before["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["assignee"] = previous };
        journal.After["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["assignee"] = assignee };
        changes.Raise(id => new TaskAssigned(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
            task.Title, assignee, previous, changes.Actor));
    }
}
