using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Calendar;

/// <summary>Turns a task's <see cref="DueRule"/> into a UTC instant, in China's calendar.</summary>
public static class DueRuleEvaluator
{
    public static DateTimeOffset? Evaluate(DueRule? rule, int startYear, int targetYear, DateTimeOffset createdAt, WorkingCalendar calendar)
    {
        if (rule is null) return null;
        var createdDay = ChinaTime.Today(createdAt);
        if (rule.Month is { } month)
        {
            var year = rule.Year == "start" ? startYear : targetYear;
            return ChinaTime.EndOfDay(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        }
        if (rule.WorkingDays is { } workingDays)
            return ChinaTime.EndOfDay(calendar.AddWorkingDays(createdDay, workingDays));
        if (rule.Days is { } days)
            return ChinaTime.EndOfDay(createdDay.AddDays(days));
        return null;
    }
}
