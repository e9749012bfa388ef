using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Calendar;

/// <summary>One day of a year's statutory calendar as an administrator enters it.</summary>
public sealed record StatutoryDayEntry(string? Date, string? Kind, string? Name);

/// <summary>
/// Lets an administrator read and replace a year's statutory holidays and make-up working days: the State
/// Council announces each year's calendar late in the year before, so the engine cannot ship it.
/// New deadlines use the new calendar at once; deadlines already set keep their date.
/// </summary>
public sealed class StatutoryCalendarAdmin(WorkflowDbContext db, WorkingCalendarProvider calendars, IdempotencyLedger ledger)
{
    public const string ReplaceCommand = "replace-calendar-year";

    /// <summary>The years the calendar can hold, and so the years simulated time may reach (issue 10).</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public static readonly string YearRangeText = $"年份必须在 {FirstYear}—{LastYear} 之间。";

    /// <summary>The years that have at least one entry, ascending: those a working-day deadline can rely on.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        // A few dozen rows a year: reading the dates beats relying on each provider translating DateOnly.Year.
        var dates = await db.StatutoryDays.AsNoTracking().Select(d => d.Date).ToListAsync(ct);
        return [.. dates.Select(d => d.Year).Distinct().Order()];
    }

    public async Task<IReadOnlyList<StatutoryDayEntry>> YearAsync(int year, CancellationToken ct)
    {
        EnsureSupported(year);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.StatutoryDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        return [.. days.Select(Entry)];
    }

    /// <summary>
    /// Replaces the year's entries as one engine command (idempotent by key): days kept are updated in place, days
    /// dropped are deleted, new days added; answers the year as stored.
    /// </summary>
    public async Task<IReadOnlyList<StatutoryDayEntry>> ReplaceYearAsync(
        int year, IReadOnlyList<StatutoryDayEntry>? entries, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin) && !actor.IsInRole(Roles.TemplateAdmin))
            throw WorkflowException.Forbidden("只有县爱卫办或模板管理员可以维护法定节假日。");
        EnsureSupported(year);
        if (entries is { Count: > 366 }) throw WorkflowException.Invalid("entries", "一年最多 366 项。");
        var days = Validate(year, entries ?? []);
        var request = CommandRequest.For(ReplaceCommand, CommandRequest.ResourceOf($"statutory-calendar/{year}"), idempotencyKey, entries ?? []);

        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var stored = await ledger.RunAsync<IReadOnlyList<StatutoryDayEntry>>(actor, request, async _ =>
        {
            var existing = await db.StatutoryDays.Where(d => d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, ct);
            foreach (var day in days)
            {
                // Updating a kept day rather than deleting and re-adding it: one tracked entity per date, one statement.
                if (existing.Remove(day.Date, out var kept)) (kept.Kind, kept.Name) = (day.Kind, day.Name);
                else db.StatutoryDays.Add(day);
            }
            db.StatutoryDays.RemoveRange(existing.Values);
            return [.. days.OrderBy(d => d.Date).Select(Entry)];
        }, ct);
        calendars.Invalidate();
        return stored;
    }

    private static List<StatutoryDay> Validate(int year, IReadOnlyList<StatutoryDayEntry> entries)
    {
        var days = new List<StatutoryDay>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"[{i}]";
            var entry = entries[i] ?? throw WorkflowException.Invalid(field, $"第 {i + 1} 项是空的（null），须填写日期、类型和名称。");
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year != year)
                throw WorkflowException.Invalid($"{field}.date", $"第 {i + 1} 项的日期必须是 {year} 年内的 yyyy-MM-dd。");
            var kind = entry.Kind switch
            {
                "holiday" => StatutoryDayKind.Holiday,
                "makeup-workday" => StatutoryDayKind.MakeupWorkday,
                _ => throw WorkflowException.Invalid($"{field}.kind", $"第 {i + 1} 项的类型必须是 holiday（放假）或 makeup-workday（调休上班）。"),
            };
            // A make-up working day (调休上班) turns a weekend day into a working day; a weekday already is one.
            if (kind == StatutoryDayKind.MakeupWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw WorkflowException.Invalid($"{field}.date",
                    $"第 {i + 1} 项：{entry.Date} 是{Weekday(date)}，本来就是工作日；调休上班只能设在星期六或星期日。");
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Trim().Length > 50)
                throw WorkflowException.Invalid($"{field}.name", $"第 {i + 1} 项须填写节日名称（不超过 50 字）。");
            if (days.Any(d => d.Date == date)) throw WorkflowException.Invalid($"{field}.date", $"日期 {entry.Date} 重复。");
            days.Add(new StatutoryDay { Date = date, Kind = kind, Name = entry.Name.Trim() });
        }
        return days;
    }

    private static string Weekday(DateOnly date) => "星期" + "日一二三四五六"[(int)date.DayOfWeek];

    private static void EnsureSupported(int year)
    {
        if (year is < FirstYear or > LastYear) throw WorkflowException.Invalid("year", YearRangeText);
    }

    private static StatutoryDayEntry Entry(StatutoryDay d) =>
        new(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), KindName(d.Kind), d.Name);

    private static string KindName(StatutoryDayKind kind) => kind == StatutoryDayKind.Holiday ? "holiday" : "makeup-workday";
}
