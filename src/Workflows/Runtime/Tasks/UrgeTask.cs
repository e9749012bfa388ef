using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>催办 one task with a message.</summary>
public sealed record UrgeTask(string? Message);

/// <summary>An urge as it was recorded; <see cref="NextAllowedAt"/> is the first moment the next urge of the same subject is allowed.</summary>
public sealed record UrgeView(Guid Id, string TownshipCode, Guid? WorkflowId, Guid? TaskId, string Message, string UrgedBy,
    string? UrgedByName, DateTimeOffset UrgedAt, DateTimeOffset NextAllowedAt);

/// <summary>
/// 催办 of an open task by the county office, a county leader or the supervision office (ADR 0037): recorded, journaled in
/// the task's workflow and announced (<see cref="TaskUrged"/>) to the task's role holders in scope and the township
/// leader. A second urge within the minimum gap is refused with 429 and the time of the next allowed one; the task's
/// concurrency token makes two racing urges commit one after the other, so the second sees the first.
/// </summary>
public sealed class TaskUrging(WorkflowDbContext db, IdempotencyLedger ledger, Urging urging)
{
    public const string CommandName = "urge-task";

    public Task<UrgeView> UrgeAsync(Guid taskId, UrgeTask command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var message = Urging.CheckMessage(command.Message);
        return ledger.RunAsync(actor, CommandRequest.For(CommandName, taskId, idempotencyKey, command), async changes =>
        {
            if (!Urging.MayUrge(actor)) throw WorkflowException.Forbidden("只有县爱卫办、县领导和县政府督查办可以催办。");
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !actor.CanSeeTask(task)) throw WorkflowException.NotFound("任务不存在。");
            WorkflowGuard.EnsureOpen(task);
            var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
            WorkflowGuard.EnsureRunning(workflow, "催办");
            await urging.EnsureGapAsync(task.TownshipCode, task.Id, changes.Now, ct);

            var urge = new Urge
            {
                Id = changes.NewId(), TownshipCode = task.TownshipCode, WorkflowId = workflow.Id, TaskId = task.Id, Message = message,
                UrgedBy = actor.UserName, UrgedByName = actor.DisplayName, UrgedAt = changes.Now,
            };
            changes.AddRow(urge);
            task.Revision++;
            var journal = changes.Journal(workflow.Id, JournalKind.TaskUrged, $"催办任务：{task.Title}；{message}");
            journal.After["urge"] = new JsonObject { ["id"] = urge.Id, ["taskId"] = task.Id, ["message"] = message, ["by"] = actor.Name };
            changes.Raise(id => new TaskUrged(id, changes.Now, workflow.Id, task.Id, urge.Id, task.TownshipCode, workflow.TownshipName,
                task.Title, task.Role, task.DepartmentCode, message, task.DueAt, actor.UserName, actor.Name));
            return new UrgeView(urge.Id, urge.TownshipCode, urge.WorkflowId, urge.TaskId, message, urge.UrgedBy, urge.UrgedByName, urge.UrgedAt,
                await urging.NextAllowedAsync(urge.UrgedAt, ct));
        }, ct);
    }
}
