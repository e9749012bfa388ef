namespace Shizhu.Notifications.Sending;

/// <summary>
/// The kinds of message a person can choose channels for (issue 15): preferences, quiet hours and throttling are
/// decided per kind. Every rendered event carries one.
/// </summary>
public enum MessageKind
{
    /// <summary>Progress news: a workflow started, a stage entered, a task completed, a workflow completed or controlled.</summary>
    Progress,
    TaskAssigned,
    Reminder,
    Overdue,
    Escalation,
    Urge,
    Bulletin,
    Digest,
    Incident,
}
