using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// The county office's hand on a whole workflow: cancel (open tasks cancelled, pending timers stopped), suspend
/// (nothing moves: task changes are refused, due timers stay pending) and resume (due timers are woken again).
/// </summary>
public sealed class WorkflowControl(WorkflowDbContext db, IdempotencyLedger ledger)
{
    public const string CancelCommand = "cancel-workflow";
    public const string SuspendCommand = "suspend-workflow";
    public const string ResumeCommand = "resume-workflow";
    private const int MaxReasonLength = 500;

    public Task<WorkflowSummary> CancelAsync(Guid workflowId, CancelWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Reason(command.Reason);
        return RunAsync(workflowId, actor, idempotencyKey, CancelCommand, "取消", async (workflow, changes) =>
        {
            if (workflow.Status is not (WorkflowStatus.Running or WorkflowStatus.Suspended))
                throw WorkflowException.Conflict("该创建工作流已结束，不能取消。");
            var open = await db.Tasks.Where(t => t.WorkflowId == workflow.Id && t.Status == UserTaskStatus.Open).ToListAsync(ct);
            foreach (var task in open)
            {
                task.Status = UserTaskStatus.Cancelled;
                task.Revision++;
            }
            var pending = await db.Timers.Where(t => t.WorkflowId == workflow.Id && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
            foreach (var timer in pending)
            {
                timer.CancelledAt = changes.Now;
                timer.Revision++;
            }
            // A cancelled workflow waits for nothing: its tokens go with it (the journal keeps where they were).
            var tokens = await db.Tokens.Where(t => t.WorkflowId == workflow.Id).ToListAsync(ct);
            db.Tokens.RemoveRange(tokens);
            var journal = changes.Journal(workflow.Id, JournalKind.WorkflowCancelled,
                $"取消创建工作流（取消未办结任务 {open.Count} 项）" + (reason is null ? "" : $"；原因：{reason}"));
            journal.Before["workflow"] = JournalState.Workflow(workflow.Status);
            journal.Before["tasks"] = new JsonArray([.. open.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["key"] = t.ElementId, ["status"] = JournalState.Name(UserTaskStatus.Open) })]);
            journal.Before["tokens"] = new JsonArray([.. tokens.Select(t => (JsonNode)JournalState.Token(t.Id, t.ElementId))]);
            workflow.Status = WorkflowStatus.Cancelled;
            journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("reason", reason);
            journal.After["tasks"] = new JsonArray([.. open.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["key"] = t.ElementId, ["status"] = JournalState.Name(t.Status) })]);
            journal.After["tokens"] = new JsonArray();
            journal.After["cancelledTimers"] = pending.Count;
            changes.Raise(id => new WorkflowCancelled(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName, reason));
        }, ct);
    }

    public Task<WorkflowSummary> SuspendAsync(Guid workflowId, SuspendWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Reason(command.Reason);
        return RunAsync(workflowId, actor, idempotencyKey, SuspendCommand, "暂停", (workflow, changes) =>
        {
            if (workflow.Status == WorkflowStatus.Suspended) throw WorkflowException.Conflict("该创建工作流已暂停。");
            if (workflow.Status != WorkflowStatus.Running) throw WorkflowException.Conflict("该创建工作流已结束，不能暂停。");
            var journal = changes.Journal(workflow.Id, JournalKind.WorkflowSuspended, "暂停创建工作流" + (reason is null ? "" : $"；原因：{reason}"));
            journal.Before["workflow"] = JournalState.Workflow(workflow.Status);
            workflow.Status = WorkflowStatus.Suspended;
            journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("reason", reason);
            changes.Raise(id => new WorkflowSuspended(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName, reason));
            return Task.CompletedTask;
        }, ct);
    }

    public Task<WorkflowSummary> ResumeAsync(Guid workflowId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        RunAsync(workflowId, actor, idempotencyKey, ResumeCommand, "恢复", async (workflow, changes) =>
        {
            if (workflow.Status != WorkflowStatus.Suspended) throw WorkflowException.Conflict("该创建工作流未暂停，无需恢复。");
            var before = JournalState.Workflow(workflow.Status);
            workflow.Status = WorkflowStatus.Running;
            // Timers that fell due while suspended stayed pending: wake them once the resumption is committed. Timers
            // not yet due keep their own wake-up; the scheduler's sweep is the safety net for both.
            var due = await db.Timers.Where(t => t.WorkflowId == workflow.Id && t.FiredAt == null && t.CancelledAt == null
                                                 && t.DueAt <= changes.Now).ToListAsync(ct);
            due.ForEach(changes.WakeTimer);
            var journal = changes.Journal(workflow.Id, JournalKind.WorkflowResumed, "恢复创建工作流" + (due.Count == 0 ? "" : $"（暂停期间到期的期限 {due.Count} 个随即生效）"));
            journal.Before["workflow"] = before;
            journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("timersDue", due.Count);
            changes.Raise(id => new WorkflowResumed(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName));
        }, ct);

    private Task<WorkflowSummary> RunAsync(Guid workflowId, Actor actor, string? idempotencyKey, string command, string verb,
        Func<WorkflowInstance, EngineChanges, Task> change, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden($"只有县爱卫办可以{verb}创建工作流。");
        return ledger.RunAsync(actor, idempotencyKey, command, workflowId, async changes =>
        {
            var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == workflowId, ct)
                ?? throw WorkflowException.NotFound("创建工作流不存在。");
            await change(workflow, changes);
            workflow.Revision++;
            return new WorkflowSummary(workflow.Id, workflow.TownshipCode, workflow.TownshipName, workflow.Track, workflow.StartYear,
                workflow.TargetYear, workflow.TemplateKey, workflow.TemplateVersion, workflow.Status, workflow.CurrentStageKey, workflow.StartedAt);
        }, ct);
    }

    private static string? Reason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var trimmed = reason.Trim();
        return trimmed.Length > MaxReasonLength
            ? throw WorkflowException.Invalid("reason", $"原因不能超过 {MaxReasonLength} 字。")
            : trimmed;
    }
}
