using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>Assign (or reassign) a task to the named user, who must hold the task's role in its scope.</summary>
public sealed record AssignTask(string? UserName);

/// <summary>Assign: the county office (any township) or the township's leader (own township) names the assignee; answers the task.</summary>
public sealed partial class TaskAssignment
{
    public const string AssignCommand = "assign-task";

    /// <summary>
    /// Assigns the task to <paramref name="assignee"/>: the caller (the Host) looks the user up and describes them
    /// as an <see cref="Actor"/>; the engine checks they hold the task's role in its township.
    /// </summary>
    public Task<TaskView> AssignAsync(Guid taskId, Actor assignee, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var name = assignee.UserName?.Trim();
        if (string.IsNullOrEmpty(name)) throw WorkflowException.Invalid("userName", "请指定办理人。");
        if (name.Length > 100) throw WorkflowException.Invalid("userName", "用户名不能超过 100 个字符。");
        return ledger.RunAsync(actor, CommandRequest.For(AssignCommand, taskId, idempotencyKey, new AssignTask(name)), async changes =>
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
            Change(changes, workflow, task, name, assignee.Name, actor, JournalKind.TaskAssigned, $"{what}：{task.Title}");
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
}
