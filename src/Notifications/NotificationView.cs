namespace Shizhu.Notifications;

/// <summary>One line of a person's notification list.</summary>
public sealed record NotificationView(Guid Id, DateTimeOffset At, string Title, string Body, bool Read, Guid? WorkflowId);
