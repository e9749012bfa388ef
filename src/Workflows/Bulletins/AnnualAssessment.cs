using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// The annual comprehensive assessment sheet (年度综合考评): per township with a creation workflow, over the tasks due in
/// the year by the sheet's moment (the year's end, or now): the on-time rate, the days overdue summed, rectification rounds
/// completed (tasks of a <c>rectification</c> element), urges and the card. Result: 优秀 from 90 % on time, 良好 from 75 %,
/// 合格 from 60 %, else 不合格; a red card caps it at 合格; no task due yet: 未考评. Read by the county office and leaders.
/// </summary>
public sealed class AnnualAssessment(WorkflowDbContext db, ISupervisionFacts facts, TimeProvider clock)
{
    public async Task<AssessmentSheet> ComputeAsync(Actor actor, int year, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin) && !actor.IsInRole(Roles.CountyLeader))
            throw WorkflowException.Forbidden("年度综合考评表由县爱卫办和县领导查看。");
        if (year is < 2000 or > 2100) throw WorkflowException.Invalid("year", "年份须在 2000 到 2100 之间。");
        var now = clock.GetUtcNow();
        var end = ChinaTime.EndOfDay(new DateOnly(year, 12, 31));
        var asOf = end < now ? end : now;
        var start = ChinaTime.At(new DateOnly(year, 1, 1), TimeOnly.MinValue);
        if (asOf < start) throw WorkflowException.Invalid("year", "该年度尚未开始。");

        var workflows = await db.Workflows.AsNoTracking().Include(w => w.Tasks)
            .Where(w => w.Status != WorkflowStatus.Cancelled).ToListAsync(ct);
        var urges = await facts.UrgeCountsAsync(start, asOf, ct);
        var cards = await facts.CardsAsync(asOf, ct);

        var lines = workflows.Where(w => w.StartedAt <= asOf).GroupBy(w => w.TownshipCode).Select(g =>
        {
            var tasks = g.SelectMany(w => w.Tasks).Where(t => t.Status != UserTaskStatus.Cancelled).ToList();
            var due = tasks.Where(t => t.DueAt is { } d && d >= start && d <= asOf).ToList();
            var onTime = due.Count(t => t.CompletedAt is { } c && c <= t.DueAt);
            var overdueDays = due.Sum(t => Math.Max(0, (int)((t.CompletedAt is { } c && c <= asOf ? c : asOf) - t.DueAt!.Value).TotalDays));
            var rounds = tasks.Count(t => t.ElementId.EndsWith("rectification", StringComparison.Ordinal) && t.CompletedAt is { } c && c >= start && c <= asOf);
            decimal? rate = due.Count == 0 ? null : decimal.Round((decimal)onTime / due.Count, 4);
            var card = cards.GetValueOrDefault(g.Key);
            return new AssessmentLine(g.Key, g.First().TownshipName, due.Count, onTime, rate, overdueDays, rounds,
                urges is null ? null : urges.GetValueOrDefault(g.Key), card.ToString().ToLowerInvariant(), Result(rate, card));
        }).OrderByDescending(l => l.OnTimeRate ?? -1).ThenBy(l => l.OverdueDays).ThenBy(l => l.TownshipCode).ToList();
        return new AssessmentSheet(year, asOf, urges is not null, lines);
    }

    private static string Result(decimal? rate, CardStatus card) => rate switch
    {
        null => "未考评",
        >= 0.9m when card != CardStatus.Red => "优秀",
        >= 0.75m when card != CardStatus.Red => "良好",
        >= 0.6m => "合格",
        _ => "不合格",
    };
}

/// <summary>The assessment sheet of a year at a moment.</summary>
public sealed record AssessmentSheet(int Year, DateTimeOffset AsOf, bool UrgesRecorded, IReadOnlyList<AssessmentLine> Lines);

/// <summary>One township's line.</summary>
public sealed record AssessmentLine(
    string TownshipCode, string TownshipName, int TasksDue, int OnTime, decimal? OnTimeRate, int OverdueDays, int RectificationRounds,
    int? Urges, string Card, string Result);
