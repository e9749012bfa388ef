using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// Who works on a task (领办): a holder of the task's role claims it, the assignee or the county office releases
/// it, the county office (any township) or the township's leader (own township) assigns or reassigns it.
/// Each change is one transaction with a journal row (before → after) and a <see cref="TaskAssigned"/> event.
/// Repeating a change that already holds (claiming one's own task) changes nothing and raises nothing.
/// </summary>
/// <remarks>
/// The commands are one file each (<c>ClaimTask.cs</c>, <c>ReleaseTask.cs</c>, <c>AssignTask.cs</c>); this part holds what they share.
/// </remarks>
public sealed partial class TaskAssignment(WorkflowDbContext db, IdempotencyLedger ledger)
{
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

    private static void Change(
        EngineChanges changes, WorkflowInstance workflow, WorkflowTask task, string? assignee, string? assigneeName, Actor actor, JournalKind kind, string what)
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
            task.Title, assignee, previous, changes.Actor, assigneeName, actor.Name));
    }
}
