using System.Globalization;
using Microsoft.AspNetCore.Components;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Components.Pages.Calendar;

/// <summary>The year at a glance. Days outside the statutory calendar follow the week: Saturday and Sunday off.</summary>
public sealed partial class YearGrid
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Parameter, EditorRequired] public int Year { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<CalendarDay> Days { get; set; } = [];
    [Parameter] public EventCallback<DateOnly> DayClicked { get; set; }

    private CalendarDay? Find(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);

    /// <summary>The month's weeks, Monday first; null pads the days before the 1st and after the last.</summary>
    private static IEnumerable<DateOnly?[]> Weeks(DateOnly first)
    {
        var week = new DateOnly?[7];
        var column = ((int)first.DayOfWeek + 6) % 7;
        for (var date = first; date.Month == first.Month; date = date.AddDays(1))
        {
            week[column++] = date;
            if (column < 7) continue;
            yield return week;
            (week, column) = (new DateOnly?[7], 0);
        }
        if (column > 0) yield return week;
    }

    private static string CellClass(DateOnly date, CalendarDay? entry) => entry?.Kind switch
    {
        StatutoryDayKind.Holiday => "day holiday",
        StatutoryDayKind.MakeupWorkday => "day makeup",
        _ => CalendarDay.IsWeekend(date) ? "day weekend" : "day",
    };

    private static string Tooltip(DateOnly date, CalendarDay? entry) =>
        $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {CalendarDay.Weekday(date)}" + (entry is null ? "" : $"：{entry.Name}（{CalendarDay.KindText(entry.Kind)}）");
}
