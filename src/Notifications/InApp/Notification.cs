namespace Shizhu.Notifications.InApp;

/// <summary>
/// An in-app notification addressed to an audience (a role, optionally within one township) rather than
/// to people: whoever holds the role sees it, including people who join after it was written.
/// </summary>
public sealed class Notification
{
    public required Guid Id { get; init; }
    public required Guid EventId { get; init; }

    /// <summary>When the event happened, so the list reads in the order things happened.</summary>
    public required DateTimeOffset At { get; init; }

    public required string AudienceRole { get; init; }

    /// <summary>Null: county-wide, every holder of the role.</summary>
    public string? AudienceTownshipCode { get; init; }

    /// <summary>Set for a county department's staff: only that department's holders of the role see it.</summary>
    public string? AudienceDepartmentCode { get; init; }

    /// <summary>Set for a message to one person (the daily digest): only that user sees it.</summary>
    public string? AudienceUserName { get; init; }

    public required string Title { get; init; }
    public required string Body { get; init; }
    public Guid? WorkflowId { get; init; }

    /// <summary>Set when the message is about one task, so the list links to the task page (/tasks/{id}), where it is done.</summary>
    public Guid? TaskId { get; init; }
}
