using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Calendar;

/// <summary>Turns a <see cref="DueRule"/> into a UTC instant, with China's calendar semantics.</summary>
public static class DueRuleEvaluator
{
    public static DateTimeOffset? Evaluate(DueRule? rule, int startYear, int targetYear, DateTimeOffset from, WorkingCalendar calendar)
    {
        if (rule is null) return null;
        var fromDay = ChinaTime.Today(from);
        if (rule.Month is { } month)
        {
            var year = rule.YearOffset is { } offset ? startYear + offset : rule.Year == "start" ? startYear : targetYear;
            var day = rule.Day ?? (rule.At == "start" ? 1 : DateTime.DaysInMonth(year, month));
            var date = new DateOnly(year, month, day);
            return rule.At == "start" ? ChinaTime.At(date, TimeOnly.MinValue) : ChinaTime.EndOfDay(date);
        }
        if (rule.WorkingDays is { } workingDays)
            return ChinaTime.EndOfDay(calendar.AddWorkingDays(fromDay, workingDays));
        if (rule.Days is { } days)
            return ChinaTime.EndOfDay(fromDay.AddDays(days));
        return null;
    }
}
