namespace Shizhu.Workflows.Runtime.Model;

public enum WorkflowStatus
{
    Running,
    Completed,
    Cancelled,
    /// <summary>Paused by the county office: no task changes and no timer effects until it is resumed.</summary>
    Suspended,
}
