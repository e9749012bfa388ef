namespace Shizhu.Workflows.Runtime.Model;

public enum TimerKind
{
    /// <summary>A task's due time: if the task is still open, it becomes overdue.</summary>
    TaskDue,
}
