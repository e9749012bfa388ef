using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>撤回: take back one's own completion of a task, with a reason, while the task it led to is untouched.</summary>
public sealed record WithdrawTask(string? Reason);

public sealed partial class TaskOperations
{
    public const string WithdrawCommand = "withdraw-task";

    /// <summary>
    /// The user who completed the task cancels the next task its completion opened — only while nobody claimed it,
    /// entered data, uploaded evidence or completed it — and the task opens again for them. 403 for anyone else, 409
    /// with the reason when the next task was touched or the workflow moved on (ADR 0031).
    /// </summary>
    public Task<TaskView> WithdrawAsync(Guid taskId, WithdrawTask command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Required(command.Reason, "reason", "撤回原因");
        return ledger.RunAsync(actor, CommandRequest.For(WithdrawCommand, taskId, idempotencyKey, command), async changes =>
        {
            var (task, workflow, _) = await LoadAsync(taskId, actor, task =>
            {
                if (task.CompletedBy != actor.UserName) throw WorkflowException.Forbidden("只有办结此任务的人可以撤回。");
            }, "撤回任务", open: false, ct);
            if (task.Status != UserTaskStatus.Completed) throw WorkflowException.Conflict("该任务尚未办结，无需撤回。");
            var graph = ProcessGraph.For(await process.TemplateAsync(workflow, ct));
            if (task.InstanceKey is not null) throw WorkflowException.Conflict(await WhyNotWithdrawSignatureAsync(db, task, workflow, ct));
            var (next, token) = await NextUntouchedAsync(db, task, workflow, graph, ct) is { } found
                ? found : throw WorkflowException.Conflict(await WhyNotWithdrawableAsync(db, task, workflow, ct));

            var journal = changes.Journal(workflow.Id, JournalKind.TaskWithdrawn, $"撤回办结：{task.Title}（撤销后续任务“{next.Title}”）；原因：{reason}");
            journal.Before["task"] = Snapshot(task);
            journal.Before["next"] = Snapshot(next);
            await CancelAsync(workflow, next, $"“{task.Title}”的办结已被撤回：{reason}", changes, ct);
            workflow.Revision++;
            journal.After["next"] = Snapshot(next);
            task.Assignee = actor.UserName;
            task.HandoverNote = reason;
            (await process.RunnerAsync(workflow, changes, ct)).Reopen(token, task, journal);
            journal.After["task"] = Snapshot(task);
            changes.Raise(id => new TaskHandedOver(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
                task.Title, task.Role, task.DepartmentCode, TaskOperationNames.Withdrawn, actor.UserName, actor.Name, actor.UserName, actor.Name, reason));
            return TaskView.From(task);
        }, ct);
    }

    /// <summary>
    /// The one open task the completion of <paramref name="task"/> opened on the same token, with nothing done to it and a
    /// passable way back; null when there is none (the workflow moved on, the next task was touched, a split or a service task lies between).
    /// </summary>
    internal static async Task<(WorkflowTask Next, WorkflowToken Token)?> NextUntouchedAsync(
        WorkflowDbContext db, WorkflowTask task, WorkflowInstance workflow, ProcessGraph graph, CancellationToken ct)
    {
        // A 会签/或签 signature is never withdrawn, nor a completion that opened one's instances (ADR 0045).
        if (task.Status != UserTaskStatus.Completed || task.TokenId is not { } tokenId || task.InstanceKey is not null) return null;
        if (workflow.Tokens.SingleOrDefault(t => t.Id == tokenId) is not { State: TokenState.Waiting } token) return null;
        var open = await db.Tasks.Where(t => t.WorkflowId == workflow.Id && t.TokenId == tokenId && t.Status == UserTaskStatus.Open).ToListAsync(ct);
        if (open is not [var next] || next.InstanceKey is not null || next.ElementId != token.ElementId || next.CreatedAt != task.CompletedAt) return null;
        if (next.Assignee is not null || next.Data is not null || next.Comment is not null || next.Delegation is not null) return null;
        if (await db.EvidenceFiles.AnyAsync(e => e.TaskId == next.Id, ct)) return null;
        return TaskPaths.WhyNotBack(graph, task.ElementId, next.ElementId) is null ? (next, token) : null;
    }

    /// <summary>
    /// A signature of a 会签/或签 is not withdrawn (ADR 0045): other signatures may already rest on it, and once the element
    /// completed the workflow went on through all of them. The reason says which case it is.
    /// </summary>
    private static async Task<string> WhyNotWithdrawSignatureAsync(WorkflowDbContext db, WorkflowTask task, WorkflowInstance workflow, CancellationToken ct)
    {
        var stillSigning = workflow.Tokens.Any(t => t.Id == task.TokenId && t.ElementId == task.ElementId)
            && await db.Tasks.AnyAsync(t => t.WorkflowId == workflow.Id && t.TokenId == task.TokenId && t.ElementId == task.ElementId && t.Status == UserTaskStatus.Open, ct);
        return stillSigning
            ? $"“{task.Title}”是会签中的一份签署，签署后不能撤回；如需更正，请联系县爱卫办。"
            : $"“{task.Title}”的会签已由各方签署完成，流程已继续推进，不能撤回这一份签署。";
    }

    private static async Task<string> WhyNotWithdrawableAsync(WorkflowDbContext db, WorkflowTask task, WorkflowInstance workflow, CancellationToken ct)
    {
        const string movedOn = "此任务办结后流程已继续推进，不能撤回。";
        var next = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkflowId == workflow.Id && t.TokenId == task.TokenId && t.Status == UserTaskStatus.Open).FirstOrDefaultAsync(ct);
        if (next is null || next.CreatedAt != task.CompletedAt) return movedOn;
        if (next.InstanceKey is not null) return $"此任务办结后已生成会签“{next.Title}”的各份签署，不能撤回；如需更正，请由县爱卫办退回。";
        if (next.Assignee is not null) return $"后续任务“{next.Title}”已有人领办，不能撤回。";
        if (next.Data is not null || next.Comment is not null || next.Delegation is not null) return $"后续任务“{next.Title}”已有人办理，不能撤回。";
        if (await db.EvidenceFiles.AnyAsync(e => e.TaskId == next.Id, ct)) return $"后续任务“{next.Title}”已上传佐证材料，不能撤回。";
        return "此任务与后续任务之间有并行分支或自动处理步骤，不能撤回。";
    }
}
