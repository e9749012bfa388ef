using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>解决委派: the delegate hands the worked task back to its owner, with an optional comment.</summary>
public sealed record ResolveDelegation(string? Comment);

public sealed partial class TaskOperations
{
    public const string ResolveCommand = "resolve-delegation";

    /// <summary>Only the delegate of a pending delegation; the owner has the task again and completes it (确认).</summary>
    public Task<TaskView> ResolveAsync(Guid taskId, ResolveDelegation command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var comment = Optional(command.Comment, "comment", "办理说明");
        return ledger.RunAsync(actor, CommandRequest.For(ResolveCommand, taskId, idempotencyKey, command), async changes =>
        {
            var (task, workflow, _) = await LoadAsync(taskId, actor, task =>
            {
                if (task.Delegation != DelegationState.Pending) throw WorkflowException.Conflict("该任务没有待解决的委派。");
                if (!TaskOperationRules.CanResolve(actor, task)) throw WorkflowException.Forbidden("只有受托人可以解决委派。");
            }, "解决委派", open: true, ct);
            var before = Snapshot(task);
            var owner = task.Owner!;
            task.Assignee = owner;
            task.Delegation = DelegationState.Resolved;
            task.HandoverNote = comment;
            Touch(task, workflow);
            Record(changes, workflow, task, before, JournalKind.DelegationResolved,
                $"受托人 {actor.Name} 已办理委派任务：{task.Title}，退回委托人确认" + (comment is null ? "" : $"；说明：{comment}"),
                TaskOperationNames.DelegationResolved, owner, null, actor, comment);
            return TaskView.From(task);
        }, ct);
    }
}
