using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Targets;

/// <summary>
/// Computes the target sheet for a year from the seeded targets (<see cref="PlanTarget"/>), the plan's entries and the
/// titles held at that year's end (<see cref="TitlesHeld"/>: recorded ones and those the workflows yielded).
/// <list type="bullet">
/// <item>Titles targets (3 national, 9 municipal) count units whose title of that kind was conferred from the plan's first
/// year on; titles held before the plan are not "成功创建" under it. Expected by the year: the plan entries of the track
/// whose target year has come.</item>
/// <item>Share targets (20 % / 90 % of all units) count every unit holding the standard's title, whenever conferred; a
/// national title counts toward the Chongqing standard too (the national standard is the stricter one). Required: the
/// share of the units rounded up. On track while the units counted plus the plan's entries still to come could reach it.</item>
/// </list>
/// </summary>
public sealed class TargetSheet(WorkflowDbContext db, TitlesHeld titles, TimeProvider clock)
{
    /// <summary>
    /// The sheet as a person asks for it: the county office, county leaders, template administrators and county finance
    /// read it (it is the county's, listing every unit); township and department users do not. No year: this year.
    /// </summary>
    public Task<TargetSheetView> ReadAsync(Actor actor, int? year, CancellationToken ct)
    {
        if (!actor.IsCountyWide && !actor.IsInRole(Roles.CountyFinance))
            throw WorkflowException.Forbidden("目标完成情况由县爱卫办、县领导和县财政查看。");
        return ComputeAsync(year ?? ChinaTime.Today(clock.GetUtcNow()).Year, ct);
    }

    public async Task<TargetSheetView> ComputeAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw WorkflowException.Invalid("year", "年份须在 2000 到 2100 之间。");
        var units = await db.Townships.CountAsync(ct);
        var targets = await db.PlanTargets.AsNoTracking().OrderBy(t => t.Order).ToListAsync(ct);
        var plan = await db.PlanEntries.AsNoTracking().ToListAsync(ct);
        var held = await titles.HeldAtEndOfAsync(year, ct);

        var lines = targets.Select(target =>
        {
            var counted = Counted(target, held);
            var required = target.Kind == PlanTarget.TitlesKind ? (int)target.Value : (int)Math.Ceiling(target.Value * units);
            var entries = plan.Where(p => Counts(target, p.Track)).ToList();
            int expected, reachable;
            if (target.Kind == PlanTarget.TitlesKind)
            {
                expected = Math.Min(required, entries.Count(p => p.TargetYear <= Math.Min(year, target.ByYear)));
                reachable = counted.Count + entries.Count(p => p.TargetYear > year && p.TargetYear <= target.ByYear);
            }
            else
            {
                var still = entries.Where(p => p.TargetYear > year && p.TargetYear <= target.ByYear).Select(p => p.TownshipCode)
                    .Except(counted.Select(c => c.TownshipCode)).Distinct().Count();
                expected = year >= target.ByYear ? required : Math.Max(0, required - still);
                reachable = counted.Count + still;
            }
            var status = counted.Count >= required ? TargetLine.Met
                : counted.Count >= expected && year < target.ByYear && reachable >= required ? TargetLine.OnTrack
                : TargetLine.Behind;
            return new TargetLine(target.Key, target.Name, target.Kind, target.Title, target.Value, target.FromYear, target.ByYear, target.Source,
                required, expected, counted.Count, units == 0 ? 0 : decimal.Round((decimal)counted.Count / units, 4), status, counted);
        }).ToList();
        return new TargetSheetView(year, units, lines);
    }

    private static List<TargetUnit> Counted(PlanTarget target, IReadOnlyList<TitleView> held) =>
        [.. held.Where(t => Counts(target, t.Title) && (target.Kind == PlanTarget.ShareKind || t.Year >= target.FromYear))
            .GroupBy(t => t.TownshipCode)
            // One line per unit: the title that counts is the stricter one (national), then the earlier.
            .Select(g => g.OrderBy(t => t.Title == Tracks.National ? 0 : 1).ThenBy(t => t.Year).First())
            .OrderBy(t => t.Year).ThenBy(t => t.TownshipCode)
            .Select(t => new TargetUnit(t.TownshipCode, t.TownshipName, t.Title, t.Year, t.Source))];

    /// <summary>Which titles count toward a target: its own, and for the Chongqing standard a national title too.</summary>
    private static bool Counts(PlanTarget target, string title) =>
        title == target.Title || (target.Kind == PlanTarget.ShareKind && target.Title == Tracks.Municipal && title == Tracks.National);
}
