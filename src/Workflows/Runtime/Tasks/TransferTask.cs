using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>转办: hand the task to another user (<see cref="ToUser"/>) who holds its role in its scope, with a reason.</summary>
public sealed record TransferTask(string? ToUser, string? Reason);

public sealed partial class TaskOperations
{
    public const string TransferCommand = "transfer-task";

    /// <summary>
    /// The assignee, the county office or (nobody having it) a holder of its role gives the task to <paramref name="target"/>
    /// (looked up by the Host); 400 <c>toUser</c> for someone ineligible or the one who has it, 400 <c>reason</c> without a reason.
    /// </summary>
    public Task<TaskView> TransferAsync(Guid taskId, TransferTask command, Actor target, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var reason = Required(command.Reason, "reason", "转办原因");
        return ledger.RunAsync(actor, CommandRequest.For(TransferCommand, taskId, idempotencyKey, command), async changes =>
        {
            var (task, workflow, _) = await LoadAsync(taskId, actor, task =>
            {
                if (!TaskOperationRules.CanTransfer(actor, task))
                    throw WorkflowException.Forbidden(task.Delegation == Model.DelegationState.Pending
                        ? "该任务正在委派办理中，受托人办理完成后才能转办。"
                        : "只有任务的办理人或县爱卫办可以转办此任务。");
            }, "转办任务", open: true, ct);
            if (target.UserName == (task.Assignee ?? actor.UserName)) throw WorkflowException.Invalid("toUser", "不能转办给当前办理人本人。");
            await EnsureEligibleAsync(target, task, "toUser", ct);
            var before = Snapshot(task);
            var from = task.Assignee;
            task.Assignee = target.UserName;
            task.HandoverNote = reason;
            Touch(task, workflow);
            Record(changes, workflow, task, before, JournalKind.TaskTransferred,
                $"转办任务：{task.Title}（{from ?? "无"} → {target.Name}）；原因：{reason}",
                TaskOperationNames.Transferred, target.UserName, target.Name, actor, reason);
            return TaskView.From(task);
        }, ct);
    }
}
