using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>Claim (领办): a holder of the task's role in its scope becomes its assignee. No body; answers the task.</summary>
public sealed partial class TaskAssignment
{
    public const string ClaimCommand = "claim-task";

    /// <summary>The caller becomes the assignee; claiming one's own task again changes nothing; 409 if someone else holds it.</summary>
    public Task<TaskView> ClaimAsync(Guid taskId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ledger.RunAsync(actor, CommandRequest.For<object>(ClaimCommand, taskId, idempotencyKey, null), async changes =>
        {
            var (task, workflow) = await LoadAsync(taskId, actor, task =>
            {
                if (!WorkflowGuard.CanWorkOn(actor, task)) throw WorkflowException.Forbidden("您的角色不能领办此任务。");
            }, ct);
            if (task.Assignee == actor.UserName) return TaskView.From(task);
            if (task.Assignee is { } other) throw WorkflowException.Conflict($"该任务已由 {other} 领办。");
            Change(changes, workflow, task, actor.UserName, actor.Name, actor, JournalKind.TaskClaimed, $"领办任务：{task.Title}");
            return TaskView.From(task);
        }, ct);
}
