using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Alerts;

/// <summary>The colour of a warning as the county reads it: yellow before the due time, red after it (ADR 0037).</summary>
public enum AlertLevel
{
    Yellow,
    Red,
}

public static class AlertLevels
{
    /// <summary>Yellow: the pre-warning and a reminder; red: overdue and every escalation.</summary>
    public static AlertLevel Of(AlertKind kind) => kind is AlertKind.DueSoon or AlertKind.Reminder ? AlertLevel.Yellow : AlertLevel.Red;

    /// <summary>The kinds of one level, for queries (a level is not a column).</summary>
    public static IReadOnlyList<AlertKind> KindsOf(AlertLevel level) =>
        [.. Enum.GetValues<AlertKind>().Where(k => Of(k) == level)];
}
