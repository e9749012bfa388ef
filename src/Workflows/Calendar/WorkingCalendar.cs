using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Workflows.Calendar;

/// <summary>
/// Working days by China's statutory calendar: weekdays are working days unless a holiday, weekends are
/// not unless a make-up working day (调休). Immutable; build a new one when the calendar data changes.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<StatutoryDay> days)
{
    private readonly Dictionary<DateOnly, StatutoryDayKind> _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);

    public static readonly WorkingCalendar WeekdaysOnly = new([]);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == StatutoryDayKind.MakeupWorkday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="from"/> (which is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }
}
