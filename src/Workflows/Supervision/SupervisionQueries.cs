using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Supervision;

/// <summary>Which alerts to list: each filter is optional; <see cref="State"/> <c>open</c>, <c>resolved</c> or null for both.</summary>
public sealed record AlertFilter(
    string? TownshipCode = null, AlertLevel? Level = null, string? StageKey = null, DateOnly? From = null, DateOnly? To = null,
    AlertState? State = null);

public enum AlertState
{
    Open,
    Resolved,
}

/// <summary>An alert as the supervision pages read it: with its level (黄/红), task, stage and whether and why it closed.</summary>
public sealed record SupervisedAlertView(
    Guid Id, Guid TaskId, Guid WorkflowId, string TownshipCode, string TownshipName, AlertKind Kind, AlertLevel Level,
    string? StageKey, string TaskTitle, DateTimeOffset? DueAt, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt,
    AlertResolution? Resolution);

/// <summary>A township's card: <c>none</c>, 黄牌 <c>yellow</c> or 红牌 <c>red</c>, from its open red warnings (ADR 0037).</summary>
public enum TownshipCard
{
    None,
    Yellow,
    Red,
}

public sealed record TownshipCardView(
    string TownshipCode, string TownshipName, TownshipCard Card, int OpenRedWarnings, int OpenYellowWarnings, int OldestRedWorkingDays);

public sealed record TownshipUrgeCount(string TownshipCode, string TownshipName, int TaskUrges, int TownshipUrges);

/// <summary>
/// What supervision reads (ADR 0037): alerts with their lifecycle, each township's card, urges and their counts per
/// township. The cockpit and the bulletins call these too. Township users read their own township only.
/// </summary>
public sealed class SupervisionQueries(WorkflowDbContext db, WorkingCalendarProvider calendars, SupervisionOptions options, TimeProvider clock)
{
    public const int MaxAlerts = 1000;

    public async Task<IReadOnlyList<SupervisedAlertView>> AlertsAsync(Actor actor, AlertFilter filter, CancellationToken ct)
    {
        var alerts = db.Alerts.AsNoTracking();
        if (!actor.IsCountyWide) alerts = alerts.Where(a => a.TownshipCode == actor.TownshipCode);
        if (filter.TownshipCode is { } township) alerts = alerts.Where(a => a.TownshipCode == township);
        if (filter.Level is { } level)
        {
            var kinds = AlertLevels.KindsOf(level).ToList();
            alerts = alerts.Where(a => kinds.Contains(a.Kind));
        }
        if (filter.StageKey is { } stage) alerts = alerts.Where(a => a.StageKey == stage);
        if (filter.From is { } from)
        {
            var start = ChinaTime.At(from, TimeOnly.MinValue);
            alerts = alerts.Where(a => a.RaisedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = ChinaTime.At(to.AddDays(1), TimeOnly.MinValue);
            alerts = alerts.Where(a => a.RaisedAt < end);
        }
        if (filter.State == AlertState.Open) alerts = alerts.Where(a => a.ResolvedAt == null);
        if (filter.State == AlertState.Resolved) alerts = alerts.Where(a => a.ResolvedAt != null);
        return await (from a in alerts
                      join t in db.Tasks.AsNoTracking() on a.TaskId equals t.Id
                      join w in db.Workflows.AsNoTracking() on a.WorkflowId equals w.Id
                      orderby a.RaisedAt descending, a.Id
                      select new SupervisedAlertView(a.Id, a.TaskId, a.WorkflowId, a.TownshipCode, w.TownshipName, a.Kind,
                          a.Kind == AlertKind.DueSoon || a.Kind == AlertKind.Reminder ? AlertLevel.Yellow : AlertLevel.Red,
                          a.StageKey ?? t.StageKey, t.Title, a.DueAt ?? t.DueAt, a.RaisedAt, a.ResolvedAt, a.Resolution))
            .Take(MaxAlerts).ToListAsync(ct);
    }

    /// <summary>
    /// Every township the actor can see that has a workflow, with its card: 红牌 when its open red warnings reach
    /// <see cref="SupervisionOptions.RedCardRedWarnings"/> or the oldest is <see cref="SupervisionOptions.RedCardAgeWorkingDays"/>
    /// working days old; 黄牌 likewise with the yellow thresholds; otherwise none.
    /// </summary>
    public async Task<IReadOnlyList<TownshipCardView>> CardsAsync(Actor actor, CancellationToken ct)
    {
        var workflows = db.Workflows.AsNoTracking();
        if (!actor.IsCountyWide) workflows = workflows.Where(w => w.TownshipCode == actor.TownshipCode);
        var townships = await workflows.Select(w => new { w.TownshipCode, w.TownshipName }).Distinct().ToListAsync(ct);
        var codes = townships.Select(t => t.TownshipCode).ToList();
        var open = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null && codes.Contains(a.TownshipCode))
            .Select(a => new { a.TownshipCode, a.Kind, a.RaisedAt }).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var today = ChinaTime.Today(clock.GetUtcNow());
        return [.. townships.GroupBy(t => t.TownshipCode).Select(g => g.First()).OrderBy(t => t.TownshipCode).Select(t =>
        {
            var mine = open.Where(a => a.TownshipCode == t.TownshipCode).ToList();
            // A step of the escalation chain tells someone of an overdue task its red warning already counts.
            var red = mine.Where(a => AlertLevels.Of(a.Kind) == AlertLevel.Red && !EscalationChain.IsStep(a.Kind)).ToList();
            var oldest = red.Count == 0 ? 0 : WorkingDaysBetween(calendar, ChinaTime.Today(red.Min(a => a.RaisedAt)), today);
            return new TownshipCardView(t.TownshipCode, t.TownshipName, CardOf(red.Count, oldest, options), red.Count, mine.Count(a => AlertLevels.Of(a.Kind) == AlertLevel.Yellow), oldest);
        })];
    }

    public static TownshipCard CardOf(int openRed, int oldestWorkingDays, SupervisionOptions options)
    {
        if (openRed == 0) return TownshipCard.None;
        if (Reaches(openRed, oldestWorkingDays, options.RedCardRedWarnings, options.RedCardAgeWorkingDays)) return TownshipCard.Red;
        return Reaches(openRed, oldestWorkingDays, options.YellowCardRedWarnings, options.YellowCardAgeWorkingDays) ? TownshipCard.Yellow : TownshipCard.None;
    }

    private static bool Reaches(int count, int age, int countThreshold, int ageThreshold) =>
        (countThreshold > 0 && count >= countThreshold) || (ageThreshold > 0 && age >= ageThreshold);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int WorkingDaysBetween(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (calendar.IsWorkingDay(day)) days++;
        return days;
    }

    /// <summary>Urges, newest first: of one township, or every township the actor can see.</summary>
    public async Task<IReadOnlyList<Urge>> UrgesAsync(Actor actor, string? townshipCode, CancellationToken ct)
    {
        var urges = db.Set<Urge>().AsNoTracking();
        if (!actor.IsCountyWide) urges = urges.Where(u => u.TownshipCode == actor.TownshipCode);
        if (townshipCode is not null) urges = urges.Where(u => u.TownshipCode == townshipCode);
        return await urges.OrderByDescending(u => u.UrgedAt).Take(MaxAlerts).ToListAsync(ct);
    }

    /// <summary>Urges per township in [<paramref name="from"/>, <paramref name="to"/>] (China dates, both optional): of tasks and of the township.</summary>
    public async Task<IReadOnlyList<TownshipUrgeCount>> UrgeCountsAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var urges = db.Set<Urge>().AsNoTracking();
        if (!actor.IsCountyWide) urges = urges.Where(u => u.TownshipCode == actor.TownshipCode);
        if (from is { } f)
        {
            var start = ChinaTime.At(f, TimeOnly.MinValue);
            urges = urges.Where(u => u.UrgedAt >= start);
        }
        if (to is { } t)
        {
            var end = ChinaTime.At(t.AddDays(1), TimeOnly.MinValue);
            urges = urges.Where(u => u.UrgedAt < end);
        }
        var counts = await urges.GroupBy(u => new { u.TownshipCode, OfTask = u.TaskId != null })
            .Select(g => new { g.Key.TownshipCode, g.Key.OfTask, Count = g.Count() }).ToListAsync(ct);
        var codes = counts.Select(c => c.TownshipCode).Distinct().ToList();
        var names = await db.Townships.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        return [.. codes.Order().Select(code => new TownshipUrgeCount(code, names.GetValueOrDefault(code, code),
            counts.Where(c => c.TownshipCode == code && c.OfTask).Sum(c => c.Count),
            counts.Where(c => c.TownshipCode == code && !c.OfTask).Sum(c => c.Count)))];
    }
}
