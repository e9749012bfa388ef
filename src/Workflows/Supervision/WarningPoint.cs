using Shizhu.Workflows.Calendar;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// When a task's yellow warning falls: <c>lead</c> working days of the statutory calendar before its due day, at the
/// due time's own time of day (China time). Counting on the calendar, not in hours, is what "三个工作日前" means to the
/// county: a due time after the National Day holiday is warned before the holiday starts.
/// </summary>
public static class WarningPoint
{
    /// <summary>The yellow warning's time, or null when the template asks for none (<paramref name="lead"/> 0).</summary>
    public static DateTimeOffset? For(DateTimeOffset dueAt, int lead, WorkingCalendar calendar)
    {
        if (lead <= 0) return null;
        var local = ChinaTime.ToLocal(dueAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var left = lead; left > 0;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) left--;
        }
        return ChinaTime.At(day, TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The warning timer's due time for a task due at <paramref name="dueAt"/>, created at <paramref name="now"/>: the
    /// warning point, or now when the task is already inside its warning window; null when no warning is needed (no
    /// lead, or the task is already overdue, which the red warning covers).
    /// </summary>
    public static DateTimeOffset? TimerAt(DateTimeOffset dueAt, int lead, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (dueAt <= now || For(dueAt, lead, calendar) is not { } at) return null;
        return at > now ? at : now;
    }
}
