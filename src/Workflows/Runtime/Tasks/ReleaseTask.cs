using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>Release: the assignee or the county office gives the task back to everyone holding its role. No body; answers the task.</summary>
public sealed partial class TaskAssignment
{
    public const string ReleaseCommand = "release-task";

    public Task<TaskView> ReleaseAsync(Guid taskId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ledger.RunAsync(actor, CommandRequest.For<object>(ReleaseCommand, taskId, idempotencyKey, null), async changes =>
        {
            var (task, workflow) = await LoadAsync(taskId, actor, task =>
            {
                if (task.Assignee is not null && task.Assignee != actor.UserName && !actor.IsInRole(Roles.CountyAdmin))
                    throw WorkflowException.Forbidden("只有领办人或县爱卫办可以取消领办。");
            }, ct);
            if (task.Assignee is null) return TaskView.From(task);
            Change(changes, workflow, task, null, null, actor, JournalKind.TaskReleased, $"取消领办：{task.Title}");
            return TaskView.From(task);
        }, ct);
}
