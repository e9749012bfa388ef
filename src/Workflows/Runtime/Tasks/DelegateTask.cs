using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>委派: let <see cref="ToUser"/> work the task; it comes back to the caller (its owner) to confirm.</summary>
public sealed record DelegateTask(string? ToUser, string? Comment);

public sealed partial class TaskOperations
{
    public const string DelegateCommand = "delegate-task";

    /// <summary>
    /// Whoever could complete the task becomes its owner and <paramref name="target"/> its assignee, delegation pending:
    /// the delegate may upload evidence and resolve it, never complete it (ADR 0031).
    /// </summary>
    public Task<TaskView> DelegateAsync(Guid taskId, DelegateTask command, Actor target, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var comment = Optional(command.Comment, "comment", "委派说明");
        return ledger.RunAsync(actor, CommandRequest.For(DelegateCommand, taskId, idempotencyKey, command), async changes =>
        {
            var (task, workflow, _) = await LoadAsync(taskId, actor, task =>
            {
                if (!TaskOperationRules.CanDelegate(actor, task))
                    throw WorkflowException.Forbidden(task.Delegation == DelegationState.Pending
                        ? "该任务已在委派办理中。"
                        : "只有能办理此任务的人可以委派。");
            }, "委派任务", open: true, ct);
            if (target.UserName == actor.UserName) throw WorkflowException.Invalid("toUser", "不能委派给自己。");
            await EnsureEligibleAsync(target, task, "toUser", ct);
            var before = Snapshot(task);
            task.Owner = actor.UserName;
            task.Assignee = target.UserName;
            task.Delegation = DelegationState.Pending;
            task.HandoverNote = comment;
            Touch(task, workflow);
            Record(changes, workflow, task, before, JournalKind.TaskDelegated,
                $"委派任务：{task.Title}（委托人 {actor.Name} → 受托人 {target.Name}）" + (comment is null ? "" : $"；说明：{comment}"),
                TaskOperationNames.Delegated, target.UserName, target.Name, actor, comment);
            return TaskView.From(task);
        }, ct);
    }
}
