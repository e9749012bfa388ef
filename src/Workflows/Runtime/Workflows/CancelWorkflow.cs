using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Workflows;

/// <summary>Cancel a running or suspended workflow, with an optional reason for the journal.</summary>
public sealed record CancelWorkflow(string? Reason);

/// <summary>Cancel: open tasks cancelled, pending timers stopped, tokens removed; answers the workflow summary.</summary>
public sealed partial class WorkflowControl
{
    public const string CancelCommand = "cancel-workflow";

    public Task<WorkflowSummary> CancelAsync(Guid workflowId, CancelWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Reason(command.Reason);
        return RunAsync(workflowId, actor, CommandRequest.For(CancelCommand, workflowId, idempotencyKey, command), "取消", async (workflow, changes) =>
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
            journal.After["resolvedAlerts"] = await AlertResolver.ResolveWorkflowAsync(db, workflow.Id, AlertResolution.WorkflowCancelled, changes.Now, ct);
            changes.Raise(id => new WorkflowCancelled(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName, reason, actor.Name));
        }, ct);
    }
}
