using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Cockpit;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// Generates a bulletin's content for a month from the cockpit's data (<see cref="CockpitQuery"/>) at the month's last
/// moment, or now for the month running: the same matrix, the same supervision facts, so a bulletin never contradicts the
/// cockpit of that day.
/// </summary>
public sealed class BulletinGenerator(CockpitQuery cockpit, ISupervisionFacts facts)
{
    private static readonly Actor County = new("system", new HashSet<string>([Roles.CountyAdmin]), null);

    public async Task<BulletinContent> GenerateAsync(int year, int month, DateTimeOffset now, CancellationToken ct)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var end = ChinaTime.EndOfDay(to);
        var asOf = end < now ? end : now;
        var view = await cockpit.ReadAsync(County, asOf, ct);
        var overdue = await cockpit.TasksAsync(County, asOf, null, null, "overdue", null, ct);
        var monthStart = ChinaTime.At(from, TimeOnly.MinValue);
        var urges = await facts.UrgeCountsAsync(monthStart, asOf, ct);
        var day = ChinaTime.Today(asOf);

        var lines = view.Rows
            // Townships whose plan has not begun come last: there is nothing of theirs to rank yet.
            .OrderBy(r => day < new DateOnly(r.StartYear, 1, 1))
            .ThenByDescending(r => r.Progress.Share).ThenBy(r => Overdue(r)).ThenBy(r => r.TownshipCode)
            .Select((r, i) => new BulletinTownship(i + 1, r.TownshipCode, r.TownshipName, r.Track, r.StartYear, r.TargetYear,
                PlanCalendar.Windows(r.Track, r.StartYear, r.TargetYear).FirstOrDefault(w => w.From <= day && day <= w.To)?.Name
                    ?? (day < new DateOnly(r.StartYear, 1, 1) ? "未开始" : "计划已结束"),
                string.Join("、", r.Cells.Where(c => c.State is "current" or "dueSoon" or "overdue").Select(c => view.Stages.First(s => s.Key == c.StageKey).Name)) is { Length: > 0 } s ? s : "—",
                r.Progress.CompletedStages, r.Progress.TotalStages, r.Progress.Share, Overdue(r),
                urges is null ? null : urges.GetValueOrDefault(r.TownshipCode), r.Card)).ToList();

        var completed = view.Rows.SelectMany(r => r.Cells.Where(c => c.CompletedOn is { } on && on >= from && on <= to)
                .Select(c => new BulletinCompletedStage(r.TownshipName, view.Stages.First(s => s.Key == c.StageKey).Name, c.CompletedOn!.Value)))
            .OrderBy(c => c.CompletedOn).ToList();

        return new BulletinContent(asOf, from, to, urges is not null, lines,
            [.. overdue.Select(t => new BulletinOverdueItem(t.TownshipName, t.StageName, t.Title, t.DueAt!.Value, Math.Max(0, (int)(asOf - t.DueAt.Value).TotalDays)))],
            completed);
    }

    private static int Overdue(DashboardRow row) => row.Cells.Sum(c => c.OverdueTasks);
}
