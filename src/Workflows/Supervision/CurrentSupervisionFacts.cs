using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The supervision facts today's data allows: due soon within a number of calendar days, no urges recorded (null), and
/// cards from the overdue alerts whose task was due and still open at the time asked about (alerts themselves never close
/// yet), aged from the task's due time.
/// </summary>
public sealed class CurrentSupervisionFacts(WorkflowDbContext db, SupervisionThresholds thresholds) : ISupervisionFacts
{
    public WarningLevel LevelOf(DateTimeOffset? dueAt, DateTimeOffset asOf) => dueAt switch
    {
        null => WarningLevel.None,
        { } due when due <= asOf => WarningLevel.Overdue,
        { } due when due <= asOf.AddDays(thresholds.DueSoonDays) => WarningLevel.DueSoon,
        _ => WarningLevel.None,
    };

    public Task<IReadOnlyDictionary<string, int>?> UrgeCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, int>?>(null);

    public async Task<IReadOnlyDictionary<string, CardStatus>> CardsAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        // Compared in memory: a county's alerts are a few hundred rows, and SQLite stores instants as text. A warning's age
        // runs from the task's due time, not from when the alert row was written (a jump of the simulated clock raises
        // them all at once), and counts at a past moment once the task was due and still open then.
        var rows = await (
            from alert in db.Alerts.AsNoTracking()
            join task in db.Tasks.AsNoTracking() on alert.TaskId equals task.Id
            where alert.Kind == AlertKind.Overdue && task.Status != UserTaskStatus.Cancelled && task.DueAt != null
            select new { alert.TownshipCode, task.DueAt, task.CompletedAt }).ToListAsync(ct);
        var open = rows.Where(a => a.DueAt <= asOf && (a.CompletedAt == null || a.CompletedAt > asOf))
            .Select(a => new { a.TownshipCode, Since = a.DueAt!.Value }).ToList();
        return open.GroupBy(a => a.TownshipCode).ToDictionary(g => g.Key, g => Card(g.Count(), (asOf - g.Min(a => a.Since)).TotalDays));
    }

    private CardStatus Card(int alerts, double oldestDays) =>
        alerts >= thresholds.RedCardAlerts || oldestDays >= thresholds.RedCardDays ? CardStatus.Red
        : alerts >= thresholds.YellowCardAlerts || oldestDays >= thresholds.YellowCardDays ? CardStatus.Yellow
        : CardStatus.None;
}
