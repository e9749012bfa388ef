namespace Shizhu.Workflows.Runtime.Model;

// Named UserTaskStatus, not TaskStatus, so it never collides with System.Threading.Tasks.TaskStatus.
public enum UserTaskStatus
{
    Open,
    Completed,
    Cancelled,
}
