using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime;

/// <summary>The refusals every command that changes a task shares, worded once.</summary>
internal static class WorkflowGuard
{
    /// <summary>Only a running workflow's tasks change; a suspended one waits for its resumption.</summary>
    public static void EnsureRunning(WorkflowInstance workflow, string action)
    {
        if (workflow.Status == WorkflowStatus.Suspended)
            throw WorkflowException.Conflict($"该创建工作流已暂停，恢复后才能{action}。");
        if (workflow.Status != WorkflowStatus.Running) throw WorkflowException.Conflict("该创建工作流已不在进行中。");
    }

    public static void EnsureOpen(WorkflowTask task)
    {
        if (task.Status == UserTaskStatus.Cancelled) throw WorkflowException.Conflict("该任务已取消。");
        if (task.Status != UserTaskStatus.Open) throw WorkflowException.Conflict("该任务已办结。");
    }

    /// <summary>
    /// Whether <paramref name="who"/> may work on the task: its role, within its scope — the task's township, the
    /// county office (county-wide), or the task's department.
    /// </summary>
    public static bool CanWorkOn(Access.Actor who, WorkflowTask task) => CanWorkOn(who, task.Role, task.Scope, task.TownshipCode, task.DepartmentCode);

    public static bool CanWorkOn(Access.Actor who, string role, TaskScope scope, string townshipCode, string? departmentCode) =>
        who.IsInRole(role) && scope switch
        {
            TaskScope.County => who.IsCountyWide,
            TaskScope.Department => who.DepartmentCode is not null && who.DepartmentCode == departmentCode,
            _ => who.TownshipCode is not null && who.TownshipCode == townshipCode,
        };
}
