using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Workflows;

/// <summary>Resume a suspended workflow, with an optional reason for the journal (the UI asks for one).</summary>
public sealed record ResumeWorkflow(string? Reason);

/// <summary>Resume: a suspended workflow runs again and timers that fell due meanwhile are woken. No body; answers the workflow summary.</summary>
public sealed partial class WorkflowControl
{
    public const string ResumeCommand = "resume-workflow";

    public Task<WorkflowSummary> ResumeAsync(Guid workflowId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ResumeAsync(workflowId, new ResumeWorkflow(null), actor, idempotencyKey, ct);

    public Task<WorkflowSummary> ResumeAsync(Guid workflowId, ResumeWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Reason(command.Reason);
        // Without a reason the request is the body-less one it always was, so earlier idempotency records still match.
        var request = reason is null
            ? CommandRequest.For<object>(ResumeCommand, workflowId, idempotencyKey, null)
            : CommandRequest.For(ResumeCommand, workflowId, idempotencyKey, command);
        return RunAsync(workflowId, actor, request, "恢复", async (workflow, changes) =>
        {
            if (workflow.Status != WorkflowStatus.Suspended) throw WorkflowException.Conflict("该创建工作流未暂停，无需恢复。");
            var before = JournalState.Workflow(workflow.Status);
            workflow.Status = WorkflowStatus.Running;
            // Timers that fell due while suspended stayed pending: wake them once the resumption is committed. Timers
            // not yet due keep their own wake-up; the scheduler's sweep is the safety net for both.
            var due = await db.Timers.Where(t => t.WorkflowId == workflow.Id && t.FiredAt == null && t.CancelledAt == null
                                                 && t.DueAt <= changes.Now).ToListAsync(ct);
            due.ForEach(changes.WakeTimer);
            var journal = changes.Journal(workflow.Id, JournalKind.WorkflowResumed, "恢复创建工作流" + (due.Count == 0 ? "" : $"（暂停期间到期的期限 {due.Count} 个随即生效）")
                + (reason is null ? "" : $"；原因：{reason}"));
            journal.Before["workflow"] = before;
            journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("timersDue", due.Count).With("reason", reason);
            changes.Raise(id => new WorkflowResumed(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName, actor.Name));
        }, ct);
    }
}
