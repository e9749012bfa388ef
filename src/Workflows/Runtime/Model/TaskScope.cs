namespace Shizhu.Workflows.Runtime.Model;

/// <summary>Who may act on a task: the township's own users, the county office, or one county department's staff.</summary>
public enum TaskScope
{
    Township,
    County,
    /// <summary>The staff of the task's <see cref="WorkflowTask.DepartmentCode"/>, whatever the township.</summary>
    Department,
}
