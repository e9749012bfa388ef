namespace Shizhu.Notifications.Audiences;

/// <summary>
/// The few facts of a message that short channels fill into pre-approved templates (an SMS gateway's template
/// parameters), in the words people read: township name, the task's or stage's title, a person's display name,
/// the Chinese outcome, the time that matters (due or overdue), all optional.
/// </summary>
public sealed record MessageFacts(
    string TownshipName,
    string? Subject = null,
    string? Person = null,
    string? Outcome = null,
    DateTimeOffset? At = null);
