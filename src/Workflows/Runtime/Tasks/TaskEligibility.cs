using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>The engine's rule of who may work on a task, for choosing a person to hand it to (转办, 委派, 指派 pickers).</summary>
public static class TaskEligibility
{
    /// <summary>Whether <paramref name="person"/> holds the task's role in its scope: what transfer, delegation and assignment require.</summary>
    public static bool CanReceive(Actor person, TaskDetail task) =>
        WorkflowGuard.CanWorkOn(person, task.Role, task.Scope, task.TownshipCode, task.Scope == Model.TaskScope.Department ? task.DepartmentCode : null);
}
