using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Workflows;

/// <summary>Suspend a running workflow, with an optional reason for the journal.</summary>
public sealed record SuspendWorkflow(string? Reason);

/// <summary>Suspend: nothing moves — task changes are refused, due timers stay pending; answers the workflow summary.</summary>
public sealed partial class WorkflowControl
{
    public const string SuspendCommand = "suspend-workflow";

    public Task<WorkflowSummary> SuspendAsync(Guid workflowId, SuspendWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Reason(command.Reason);
        return RunAsync(workflowId, actor, CommandRequest.For(SuspendCommand, workflowId, idempotencyKey, command), "暂停", (workflow, changes) =>
        {
            if (workflow.Status == WorkflowStatus.Suspended) throw WorkflowException.Conflict("该创建工作流已暂停。");
            if (workflow.Status != WorkflowStatus.Running) throw WorkflowException.Conflict("该创建工作流已结束，不能暂停。");
            var journal = changes.Journal(workflow.Id, JournalKind.WorkflowSuspended, "暂停创建工作流" + (reason is null ? "" : $"；原因：{reason}"));
            journal.Before["workflow"] = JournalState.Workflow(workflow.Status);
            workflow.Status = WorkflowStatus.Suspended;
            journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("reason", reason);
            changes.Raise(id => new WorkflowSuspended(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName,
                workflow.Track, actor.UserName, reason, actor.Name));
            return Task.CompletedTask;
        }, ct);
    }
}
