using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Cockpit;

/// <summary>
/// The cockpit's data (<c>GET /api/dashboard</c>) and the tasks behind any of its cells or bars
/// (<c>GET /api/dashboard/tasks</c>), at a moment no later than now. The county office and county leaders read every
/// township, a township's leader their own; cancelled workflows are left out. Computed in memory from one read of the
/// workflows, stages and tasks: a county has a dozen workflows and a few thousand tasks.
/// </summary>
public sealed class CockpitQuery(WorkflowDbContext db, ISupervisionFacts facts, TimeProvider clock)
{
    /// <summary>Who reads the cockpit: the county office, county leaders and townships' principal leaders (their own township).</summary>
    public static readonly IReadOnlyList<string> Readers = [Roles.CountyAdmin, Roles.CountyLeader, Roles.TownshipLeader];

    public async Task<DashboardView> ReadAsync(Actor actor, DateTimeOffset? asOf, CancellationToken ct)
    {
        var (snapshot, workflows) = await LoadAsync(actor, asOf, ct);
        var columns = Columns(workflows);
        var cards = await facts.CardsAsync(snapshot.AsOf, ct);
        var yearStart = new DateTimeOffset(snapshot.AsOf.ToOffset(Calendar.ChinaTime.Offset).Year, 1, 1, 0, 0, 0, Calendar.ChinaTime.Offset);
        var urges = await facts.UrgeCountsAsync(yearStart, snapshot.AsOf, ct);

        var rows = workflows.Select(w =>
        {
            var cells = columns.Select(c => Cell(snapshot, w, c.Key)).ToList();
            return new DashboardRow(w.Id, w.TownshipCode, w.TownshipName, w.Track, w.StartYear, w.TargetYear, w.Status.ToString(),
                Progress(cells), (cards.GetValueOrDefault(w.TownshipCode)).ToString().ToLowerInvariant(),
                urges is null ? null : urges.GetValueOrDefault(w.TownshipCode), cells);
        }).ToList();

        return new DashboardView(snapshot.AsOf, CockpitSnapshot.Day(snapshot.AsOf), columns, rows, Progress(rows.SelectMany(r => r.Cells).ToList()),
            workflows.Select(w => Timeline(snapshot, w)).ToList(), CockpitCharts.Compute(snapshot, workflows, columns));
    }

    /// <summary>
    /// The tasks behind a cell (<paramref name="townshipCode"/>, <paramref name="stageKey"/>, <paramref name="state"/>) or
    /// a bar of the overdue chart (<paramref name="month"/> <c>yyyy-MM</c>: tasks whose due time fell in it and passed).
    /// </summary>
    public async Task<IReadOnlyList<DashboardTask>> TasksAsync(
        Actor actor, DateTimeOffset? asOf, string? townshipCode, string? stageKey, string? state, string? month, CancellationToken ct)
    {
        if (state is not (null or CockpitSnapshot.Done or CockpitSnapshot.Current or CockpitSnapshot.DueSoon or CockpitSnapshot.Overdue))
            throw WorkflowException.Invalid("state", "状态须为 done、current、dueSoon 或 overdue。");
        if (month is not null && !System.Text.RegularExpressions.Regex.IsMatch(month, @"^\d{4}-(0[1-9]|1[0-2])$"))
            throw WorkflowException.Invalid("month", "月份格式须为 yyyy-MM。");
        var (snapshot, workflows) = await LoadAsync(actor, asOf, ct);
        return [.. workflows
            .Where(w => townshipCode is null || w.TownshipCode == townshipCode)
            .SelectMany(w => w.Tasks.Select(t => (w, t)))
            .Where(x => stageKey is null || x.t.StageKey == stageKey)
            .Where(x => month is null ? snapshot.Behind(x.t, state ?? "") : snapshot.WentOverdue(x.t) && CockpitSnapshot.Month(x.t.DueAt!.Value) == month)
            .OrderBy(x => x.t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(x => x.w.TownshipCode)
            .Select(x => new DashboardTask(x.t.Id, x.w.Id, x.w.TownshipCode, x.w.TownshipName, x.t.StageKey,
                x.w.Stages.FirstOrDefault(s => s.Key == x.t.StageKey)?.Name ?? x.t.StageKey, x.t.Title,
                snapshot.IsCompleted(x.t) ? "completed" : "open", LevelName(snapshot.Level(x.t)),
                x.t.CreatedAt, x.t.DueAt, snapshot.IsCompleted(x.t) ? x.t.CompletedAt : null))];
    }

    private static string LevelName(WarningLevel level) => level switch
    {
        WarningLevel.Overdue => CockpitSnapshot.Overdue,
        WarningLevel.DueSoon => CockpitSnapshot.DueSoon,
        _ => "none",
    };

    private async Task<(CockpitSnapshot, List<WorkflowInstance>)> LoadAsync(Actor actor, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (!Readers.Any(actor.IsInRole))
            throw WorkflowException.Forbidden("督办驾驶舱由县爱卫办、县领导和乡镇主要领导查看。");
        var now = clock.GetUtcNow();
        if (asOf > now) throw WorkflowException.Invalid("asOf", "查看时间不能晚于当前时间。");
        var township = actor.IsCountyWide ? null : actor.TownshipCode;
        if (!actor.IsCountyWide && township is null) throw WorkflowException.Forbidden("只能查看本乡镇的督办情况。");

        var workflows = await db.Workflows.AsNoTracking().AsSplitQuery()
            .Include(w => w.Stages).Include(w => w.Tasks)
            .Where(w => w.Status != WorkflowStatus.Cancelled && (township == null || w.TownshipCode == township))
            .ToListAsync(ct);
        var at = asOf ?? now;
        // A workflow started after the moment asked about did not exist then.
        workflows = [.. workflows.Where(w => w.StartedAt <= at).OrderBy(w => w.StartYear).ThenBy(w => w.TownshipCode).ThenBy(w => w.Track)];
        foreach (var w in workflows) w.Tasks.RemoveAll(t => t.Status == UserTaskStatus.Cancelled);
        return (new CockpitSnapshot(at, facts), workflows);
    }

    /// <summary>The matrix's columns: the stages of the workflow with the most, then any other stage in its order.</summary>
    private static List<DashboardStage> Columns(List<WorkflowInstance> workflows)
    {
        var columns = new List<DashboardStage>();
        foreach (var stage in workflows.OrderByDescending(w => w.Stages.Count).SelectMany(w => w.Stages.OrderBy(s => s.Order)))
        {
            if (columns.Any(c => c.Key == stage.Key)) continue;
            var after = columns.FindIndex(c => c.Key == PreviousKey(workflows, stage));
            columns.Insert(after + 1 == 0 ? columns.Count : after + 1, new DashboardStage(stage.Key, stage.Name, StagePhases.Of(stage.Key) ?? ""));
        }
        return columns;
    }

    private static string? PreviousKey(List<WorkflowInstance> workflows, WorkflowStage stage) =>
        workflows.First(w => w.Id == stage.WorkflowId).Stages.Where(s => s.Order < stage.Order).OrderByDescending(s => s.Order).FirstOrDefault()?.Key;

    private static DashboardCell Cell(CockpitSnapshot snapshot, WorkflowInstance w, string key)
    {
        var stage = w.Stages.FirstOrDefault(s => s.Key == key);
        var tasks = w.Tasks.Where(t => t.StageKey == key).ToList();
        var state = snapshot.StateOf(stage, tasks);
        var open = tasks.Where(snapshot.IsOpen).ToList();
        var overdue = open.Where(t => snapshot.Level(t) == WarningLevel.Overdue).ToList();
        var dueSoon = open.Where(t => snapshot.Level(t) == WarningLevel.DueSoon).ToList();
        int? days = state switch
        {
            CockpitSnapshot.Done when stage!.EnteredAt is { } entered => CockpitSnapshot.Days(entered, stage.CompletedAt!.Value),
            CockpitSnapshot.Overdue => CockpitSnapshot.Days(overdue.Min(t => t.DueAt!.Value), snapshot.AsOf),
            CockpitSnapshot.DueSoon => CockpitSnapshot.Days(snapshot.AsOf, dueSoon.Min(t => t.DueAt!.Value)),
            CockpitSnapshot.Current => CockpitSnapshot.Days(stage!.EnteredAt!.Value, snapshot.AsOf),
            _ => null,
        };
        return new DashboardCell(key, state, days, open.Count, dueSoon.Count, overdue.Count,
            stage is not null && snapshot.IsEntered(stage) ? CockpitSnapshot.Day(stage.EnteredAt!.Value) : null,
            stage is not null && snapshot.IsDone(stage) ? CockpitSnapshot.Day(stage.CompletedAt!.Value) : null);
    }

    private static DashboardProgress Progress(IReadOnlyList<DashboardCell> cells)
    {
        var total = cells.Count(c => c.State != CockpitSnapshot.None);
        var done = cells.Count(c => c.State == CockpitSnapshot.Done);
        return new DashboardProgress(done, total, total == 0 ? 0 : decimal.Round((decimal)done / total, 4), done,
            cells.Count(c => c.State == CockpitSnapshot.Current), cells.Count(c => c.State == CockpitSnapshot.DueSoon),
            cells.Count(c => c.State == CockpitSnapshot.Overdue));
    }

    private static TimelineRow Timeline(CockpitSnapshot snapshot, WorkflowInstance w)
    {
        var actual = PlanCalendar.Phases.Select(phase =>
        {
            var stages = w.Stages.Where(s => StagePhases.Of(s.Key) == phase.Key).ToList();
            var entered = stages.Where(snapshot.IsEntered).ToList();
            if (entered.Count == 0) return null;
            var to = stages.All(snapshot.IsDone) ? CockpitSnapshot.Day(stages.Max(s => s.CompletedAt!.Value)) : (DateOnly?)null;
            return new ActualPhase(phase.Key, phase.Name, CockpitSnapshot.Day(entered.Min(s => s.EnteredAt!.Value)), to);
        }).OfType<ActualPhase>().ToList();
        return new TimelineRow(w.Id, w.TownshipName, w.Track, PlanCalendar.Windows(w.Track, w.StartYear, w.TargetYear), actual);
    }
}
