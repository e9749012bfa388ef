namespace Shizhu.Workflows.Alerts;

/// <summary>Why an alert closed. Stored and sent by name (<c>TaskCompleted</c>, …).</summary>
public enum AlertResolution
{
    TaskCompleted,
    /// <summary>An interrupting boundary timer cancelled the task (it went another way).</summary>
    TaskCancelled,
    WorkflowCancelled,
    /// <summary>The county office extended the task's deadline (延期): the warnings for the old due time no longer hold.</summary>
    DeadlineExtended,
    /// <summary>The task was one signature of a 会签/或签 that completed without it (ADR 0045).</summary>
    SignatureNotNeeded,
}
