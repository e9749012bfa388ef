using System.Globalization;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Components.Pages.Calendar;

/// <summary>One day of the year being edited on the calendar page; converts to and from the engine's entries.</summary>
public sealed record CalendarDay(DateOnly Date, StatutoryDayKind Kind, string Name)
{
    private const string Format = "yyyy-MM-dd";

    /// <summary>An entry as the engine answers it (it only stores valid ones).</summary>
    public static CalendarDay From(StatutoryDayEntry entry) => new(
        DateOnly.ParseExact(entry.Date!, Format, CultureInfo.InvariantCulture),
        entry.Kind == "holiday" ? StatutoryDayKind.Holiday : StatutoryDayKind.MakeupWorkday,
        entry.Name ?? "");

    public StatutoryDayEntry ToEntry() =>
        new(IsoDate, Kind == StatutoryDayKind.Holiday ? "holiday" : "makeup-workday", Name);

    public string IsoDate => Date.ToString(Format, CultureInfo.InvariantCulture);

    public static string KindText(StatutoryDayKind kind) => kind == StatutoryDayKind.Holiday ? "放假" : "调休上班";

    public static string Weekday(DateOnly date) => "周" + WeekdayName(date.DayOfWeek);

    /// <summary>一 … 日: the calendar's columns start on Monday, as Chinese calendars do.</summary>
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "一",
        DayOfWeek.Tuesday => "二",
        DayOfWeek.Wednesday => "三",
        DayOfWeek.Thursday => "四",
        DayOfWeek.Friday => "五",
        DayOfWeek.Saturday => "六",
        _ => "日",
    };

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
