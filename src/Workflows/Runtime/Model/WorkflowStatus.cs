namespace Shizhu.Workflows.Runtime.Model;

public enum WorkflowStatus
{
    Running,
    Completed,
    Cancelled,
}
