using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// A <see cref="DueRule"/> is either a calendar point of the plan (a month of the start or target year, or of
/// the year <c>yearOffset</c> after the start) or a duration (working days or calendar days): exactly one.
/// A point must lie within the plan's years: a creation lasts at most five years after its start. A duration may name
/// the template parameter that holds its working days (<c>workingDaysParameter</c>).
/// </summary>
internal static class DueRules
{
    /// <summary>The plan's longest span: a target year at most five years after the start year.</summary>
    public const int PlanYears = 5;

    public static void Check(ValidationRun run, string id, string field, DueRule? due, bool required)
    {
        if (due is null)
        {
            if (required) run.Add(id, field, Required, "请填写期限规则（due）：日历时点（month 等）或时长（workingDays 或 days）。");
            return;
        }
        if (due.Argument is not null)
        {
            run.Add(id, field + ".argument", NotAllowed, "期限参数引用（argument）只能用在子流程定义的元素里。");
            return;
        }
        var point = due.Year is not null || due.Month is not null || due.Day is not null || due.At is not null || due.YearOffset is not null;
        var duration = due.WorkingDays is not null || due.Days is not null || due.WorkingDaysParameter is not null;
        if (!point && !duration)
            run.Add(id, field, InvalidDue, "期限规则是空的：请给出日历时点（month 等）或时长（workingDays 或 days）。");
        else if (point && duration)
            run.Add(id, field, InvalidDue, "期限规则不能同时给出日历时点（year、month、day、at、yearOffset）和时长（workingDays、days）。");
        else if (duration)
            CheckDuration(run, id, field, due);
        else
            CheckPoint(run, id, field, due);
    }

    private static void CheckDuration(ValidationRun run, string id, string field, DueRule due)
    {
        if (due.WorkingDaysParameter is { } name)
        {
            if (due.WorkingDays is not null || due.Days is not null)
                run.Add(id, field + ".workingDaysParameter", InvalidDue, "工作日数参数（workingDaysParameter）不能与 workingDays 或 days 同时填写。");
            else if (run.Template.Parameters?.TryGetValue(name, out var value) != true)
                run.Add(id, field + ".workingDaysParameter", UnknownParameter, $"模板参数 {name} 未定义：期限按它取工作日数。");
            else if (value != decimal.Truncate(value) || value is < 0 or > 366)
                run.Add(id, field + ".workingDaysParameter", InvalidDue, $"模板参数 {name} 必须是 0—366 之间的整数：它是工作日数。");
            return;
        }
        if (due is { WorkingDays: not null, Days: not null })
            run.Add(id, field + ".days", InvalidDue, "工作日数（workingDays）和自然日数（days）只能填一个。");
        if (due.WorkingDays is < 0)
            run.Add(id, field + ".workingDays", InvalidDue, "工作日数（workingDays）不能为负数。");
        if (due.Days is < 0)
            run.Add(id, field + ".days", InvalidDue, "自然日数（days）不能为负数。");
    }

    private static void CheckPoint(ValidationRun run, string id, string field, DueRule due)
    {
        if (due.Year is not (null or "start" or "target"))
            run.Add(id, field + ".year", UnknownValue, $"年份“{due.Year}”未知：必须是 start（起始年）或 target（目标年）。");
        if (due.At is not (null or "start" or "end"))
            run.Add(id, field + ".at", UnknownValue, $"时刻“{due.At}”未知：必须是 start（当天或当月开始）或 end（结束）。");
        if (due is { Year: not null, YearOffset: not null })
            run.Add(id, field + ".yearOffset", InvalidDue, "年份（year）和年份偏移（yearOffset）只能填一个。");
        if (due.YearOffset is < 0 or > PlanYears)
            run.Add(id, field + ".yearOffset", DueOutsidePlan, $"年份偏移（yearOffset）必须在 0—{PlanYears} 之间：期限必须落在创建计划的年份之内。");
        if (due.Month is not { } month)
        {
            run.Add(id, field + ".month", Required, "日历时点必须给出月份（month）。");
            return;
        }
        if (month is < 1 or > 12)
        {
            run.Add(id, field + ".month", InvalidDue, $"月份必须在 1—12 之间，不能是 {month}。");
            return;
        }
        if (due.Day is not { } day) return;
        // A year the rule may land in need not be a leap year: 29 February would not exist in it.
        var days = DateTime.DaysInMonth(2023, month);
        if (day < 1 || day > days)
            run.Add(id, field + ".day", InvalidDue, month == 2 && day == 29
                ? "2月29日并非每年都有：请用 28 日，或不填日期表示月末。"
                : $"{month}月没有{day}日：日期必须在 1—{days} 之间。");
    }
}
