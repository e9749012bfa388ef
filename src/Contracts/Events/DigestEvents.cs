namespace Shizhu.Workflows.Events;

/// <summary>One line of a daily digest: a task, its township and due time, and whether it is overdue.</summary>
public sealed record DigestLine(string TownshipName, string Title, DateTimeOffset DueAt, bool Overdue);

/// <summary>
/// The daily digest (每日督办提醒) of one person for one China day (ADR 0037): addressed to that person alone, with the
/// counts of their overdue and soon-due tasks and the first lines of them.
/// </summary>
public sealed record DailyDigestDue(
    Guid EventId, DateTimeOffset OccurredAt, string UserName, string DisplayName, string Role, string? TownshipCode,
    string? DepartmentCode, DateOnly Day, int Overdue, int DueSoon, IReadOnlyList<DigestLine> Lines);
