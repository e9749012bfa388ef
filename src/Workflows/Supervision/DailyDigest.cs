using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The daily digest (每日督办提醒, ADR 0037): at 08:30 China time each person with deadlines hears what is overdue and
/// what falls due within the next <see cref="DueSoonWorkingDays"/> working days. Once per person and day across
/// replicas: the <see cref="DigestRun"/> row (primary key person + day) and the <see cref="DailyDigestDue"/> event are
/// written in one engine transaction, so the replica whose insert commits is the one whose outbox carries the digest,
/// and a second replica (or a second run) meets the key and sends nothing.
/// </summary>
public sealed class DailyDigest(WorkflowDbContext db, EngineCommandRunner runner, DeadlineFeed deadlines, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public static readonly TimeOnly SendAt = new(8, 30);
    public const int DueSoonWorkingDays = 3;
    public const int MaxLines = 10;

    /// <summary>The China day whose digest is due now, or null before 08:30 China time.</summary>
    public DateOnly? DueDay()
    {
        var local = ChinaTime.ToLocal(clock.GetUtcNow());
        return TimeOnly.FromDateTime(local.DateTime) < SendAt ? null : DateOnly.FromDateTime(local.DateTime);
    }

    /// <summary>Sends today's digest to each person who has not had it yet; answers how many were sent by this call.</summary>
    public async Task<int> RunAsync(IEnumerable<Actor> people, CancellationToken ct)
    {
        if (DueDay() is not { } day) return 0;
        var done = (await db.Set<DigestRun>().AsNoTracking().Where(d => d.Day == day).Select(d => d.UserName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        foreach (var person in people.Where(p => !done.Contains(p.UserName)))
            if (await SendAsync(person, day, ct)) sent++;
        return sent;
    }

    /// <summary>One person's digest for <paramref name="day"/>: false when they have nothing due, or it was already sent.</summary>
    public async Task<bool> SendAsync(Actor person, DateOnly day, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var horizon = ChinaTime.EndOfDay(calendar.AddWorkingDays(day, DueSoonWorkingDays));
        var items = await deadlines.DeadlinesAsync(person, ct);
        var now = clock.GetUtcNow();
        var overdue = items.Where(i => i.Overdue || i.DueAt <= now).ToList();
        var dueSoon = items.Where(i => !i.Overdue && i.DueAt > now && i.DueAt <= horizon).ToList();
        if (overdue.Count == 0 && dueSoon.Count == 0) return false;
        try
        {
            return await runner.RunAsync(Actor.System.UserName, changes =>
            {
                db.Add(new DigestRun { UserName = person.UserName, Day = day, SentAt = changes.Now, DueSoon = dueSoon.Count, Overdue = overdue.Count });
                changes.Raise(id => new DailyDigestDue(id, changes.Now, person.UserName, person.Name, person.Roles.Order(StringComparer.Ordinal).First(),
                    person.TownshipCode, person.DepartmentCode, day, overdue.Count, dueSoon.Count,
                    [.. overdue.Concat(dueSoon).Take(MaxLines).Select(i => new DigestLine(i.TownshipName, i.Title, i.DueAt, i.Overdue || i.DueAt <= now))]));
                return Task.FromResult(true);
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another replica (or a concurrent run) sent this person's digest for the day first.
            return false;
        }
    }
}
