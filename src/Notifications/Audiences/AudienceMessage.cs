namespace Shizhu.Notifications.Audiences;

/// <summary>
/// A domain event rendered for people: what they read and who should read it. Every channel delivers
/// the same message, so a person never gets different words in the app and in the mail.
/// </summary>
public sealed record AudienceMessage(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid? WorkflowId,
    string Title,
    string Body,
    IReadOnlyList<Audience> Audiences,
    Sending.MessageKind Kind = Sending.MessageKind.Progress,
    MessageFacts? Facts = null,
    Guid? TaskId = null)
{
    /// <summary>Where a person acts on it: the task page for a message about one task, else the workflow page; null for neither.</summary>
    public string? Path => TaskId is { } task ? $"tasks/{task}" : WorkflowId is { } workflow ? $"workflows/{workflow}" : null;
}
