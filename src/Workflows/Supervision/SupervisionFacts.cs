using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The supervision facts the cockpit and the bulletins read (ADRs 0037 and 0039): due soon within
/// <see cref="SupervisionThresholds.DueSoonDays"/> days, the urges (催办) recorded in <c>urges</c>, and each township's
/// 黄牌 / 红牌 by the same rule as the supervision API (<see cref="SupervisionQueries.CardOf"/>, thresholds in
/// <see cref="SupervisionOptions"/>) from the red warnings open at the moment asked about.
/// </summary>
public sealed class SupervisionFacts(
    WorkflowDbContext db, SupervisionThresholds thresholds, SupervisionOptions options, WorkingCalendarProvider calendars) : ISupervisionFacts
{
    public WarningLevel LevelOf(DateTimeOffset? dueAt, DateTimeOffset asOf) => dueAt switch
    {
        null => WarningLevel.None,
        { } due when due <= asOf => WarningLevel.Overdue,
        { } due when due <= asOf.AddDays(thresholds.DueSoonDays) => WarningLevel.DueSoon,
        _ => WarningLevel.None,
    };

    public async Task<IReadOnlyDictionary<string, int>?> UrgeCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // Compared in memory: SQLite stores instants as text, and a county's urges are a few hundred rows a year.
        var urges = await db.Set<Urge>().AsNoTracking().Select(u => new { u.TownshipCode, u.UrgedAt }).ToListAsync(ct);
        return urges.Where(u => u.UrgedAt >= from && u.UrgedAt < to).GroupBy(u => u.TownshipCode)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<IReadOnlyDictionary<string, CardStatus>> CardsAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        // A red warning counts at a moment once its task was due and the warning was not yet resolved (completion,
        // cancellation, 延期). Its age runs from the task's due time, not from when the row was written: a jump of the
        // simulated clock raises them all at once.
        var red = AlertLevels.KindsOf(AlertLevel.Red);
        var rows = await (
            from alert in db.Alerts.AsNoTracking()
            join task in db.Tasks.AsNoTracking() on alert.TaskId equals task.Id
            where red.Contains(alert.Kind) && task.DueAt != null && task.Status != UserTaskStatus.Cancelled
            select new { alert.TownshipCode, alert.TaskId, task.DueAt, task.CompletedAt, alert.ResolvedAt }).ToListAsync(ct);
        var open = rows.Where(a => a.DueAt <= asOf && (a.ResolvedAt == null || a.ResolvedAt > asOf) && (a.CompletedAt == null || a.CompletedAt > asOf))
            .DistinctBy(a => a.TaskId).ToList();
        var calendar = await calendars.GetAsync(db, ct);
        var today = ChinaTime.Today(asOf);
        return open.GroupBy(a => a.TownshipCode).ToDictionary(g => g.Key, g =>
        {
            var oldest = SupervisionQueries.WorkingDaysBetween(calendar, ChinaTime.Today(g.Min(a => a.DueAt!.Value)), today);
            return SupervisionQueries.CardOf(g.Count(), oldest, options) switch
            {
                TownshipCard.Red => CardStatus.Red,
                TownshipCard.Yellow => CardStatus.Yellow,
                _ => CardStatus.None,
            };
        });
    }
}
