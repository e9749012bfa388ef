using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// The operations the caller may perform on a task now, from the same rules and checks the commands refuse with
/// (<see cref="TaskOperationRules"/>, the send-back targets, the untouched next task of a withdrawal).
/// </summary>
internal static class AllowedOperations
{
    public static async Task<TaskOperationsView> ForAsync(
        WorkflowDbContext db, Actor actor, WorkflowTask task, WorkflowInstance workflow, ProcessGraph graph, CancellationToken ct)
    {
        var allowed = new List<string>();
        IReadOnlyList<SendBackTarget> targets = [];
        if (workflow.Status == WorkflowStatus.Running && task.Status == UserTaskStatus.Open)
        {
            Add(allowed, TaskOperationNames.Claim, TaskOperationRules.CanClaim(actor, task));
            Add(allowed, TaskOperationNames.Release, TaskOperationRules.CanRelease(actor, task));
            Add(allowed, TaskOperationNames.Assign, TaskOperationRules.CanAssign(actor, task));
            Add(allowed, TaskOperationNames.Complete, TaskOperationRules.CanComplete(actor, task));
            Add(allowed, TaskOperationNames.Transfer, TaskOperationRules.CanTransfer(actor, task));
            Add(allowed, TaskOperationNames.Delegate, TaskOperationRules.CanDelegate(actor, task));
            Add(allowed, TaskOperationNames.Resolve, TaskOperationRules.CanResolve(actor, task));
            if (TaskOperationRules.CanSendBack(actor, task)) targets = await TaskOperations.SendBackTargetsAsync(db, task, graph, ct);
            Add(allowed, TaskOperationNames.SendBack, targets.Count > 0);
        }
        else if (workflow.Status == WorkflowStatus.Running && TaskOperationRules.CanWithdraw(actor, task))
            Add(allowed, TaskOperationNames.Withdraw, await TaskOperations.NextUntouchedAsync(db, task, workflow, graph, ct) is not null);
        Add(allowed, TaskOperationNames.Copy, TaskOperationRules.CanCopy(actor, task));
        return new TaskOperationsView(allowed, targets, task.Owner, task.Delegation, task.HandoverNote);
    }

    private static void Add(List<string> allowed, string name, bool when)
    {
        if (when) allowed.Add(name);
    }
}
