namespace Shizhu.Notifications;

/// <summary>One line of a person's notification list.</summary>
public sealed record NotificationView(Guid Id, DateTimeOffset At, string Title, string Body, bool Read, Guid? WorkflowId, Guid? TaskId = null)
{
    /// <summary>Where the line links to: the task page for a task's message, else the workflow page, else nowhere.</summary>
    public string? Path => TaskId is { } task ? $"tasks/{task}" : WorkflowId is { } workflow ? $"workflows/{workflow}" : null;
}
