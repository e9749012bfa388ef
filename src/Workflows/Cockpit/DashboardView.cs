namespace Shizhu.Workflows.Cockpit;

/// <summary>
/// The cockpit (督办驾驶舱) at one moment: townships × stages, progress, the plan's calendar against the actual stage
/// dates, and the charts' series. <see cref="Urges"/> is null while urges are not recorded.
/// </summary>
public sealed record DashboardView(
    DateTimeOffset AsOf,
    DateOnly Today,
    IReadOnlyList<DashboardStage> Stages,
    IReadOnlyList<DashboardRow> Rows,
    DashboardProgress County,
    IReadOnlyList<TimelineRow> Timeline,
    DashboardCharts Charts);

/// <summary>A column of the matrix: a stage of the built-in templates, in their order.</summary>
public sealed record DashboardStage(string Key, string Name, string Phase);

/// <summary>One creation workflow (a township on a track) with its cells, one per column.</summary>
public sealed record DashboardRow(
    Guid WorkflowId, string TownshipCode, string TownshipName, string Track, int StartYear, int TargetYear, string Status,
    DashboardProgress Progress, string Card, int? Urges, IReadOnlyList<DashboardCell> Cells);

/// <summary>
/// A stage of one workflow: <c>state</c> is <c>done</c> (green), <c>current</c> (blue), <c>dueSoon</c> (yellow),
/// <c>overdue</c> (red), <c>pending</c> (not reached) or <c>none</c> (the template has no such stage). <c>Days</c>: done —
/// days the stage took; current — days in it; due soon — days to the nearest due time; overdue — days past the oldest.
/// </summary>
public sealed record DashboardCell(
    string StageKey, string State, int? Days, int OpenTasks, int DueSoonTasks, int OverdueTasks, DateOnly? EnteredOn, DateOnly? CompletedOn);

/// <summary>Stages completed of all stages.</summary>
public sealed record DashboardProgress(int CompletedStages, int TotalStages, decimal Share, int Done, int Current, int DueSoon, int Overdue);

/// <summary>The timeline (Gantt) of one workflow: the plan's phases and when it actually was in each.</summary>
public sealed record TimelineRow(Guid WorkflowId, string TownshipName, string Track, IReadOnlyList<PlanWindow> Planned, IReadOnlyList<ActualPhase> Actual);

/// <summary>When a workflow was in a phase: its first stage's entry to its last stage's completion (null: still in it).</summary>
public sealed record ActualPhase(string Phase, string Name, DateOnly From, DateOnly? To);

/// <summary>The charts: overdue tasks by township and month of their due time, on-time rate, average days per stage.</summary>
public sealed record DashboardCharts(
    IReadOnlyList<string> Months, IReadOnlyList<OverdueSeries> OverdueByMonth,
    IReadOnlyList<OnTimeRate> OnTime, IReadOnlyList<StageDuration> AverageDays);

/// <summary>A township's count of tasks that went overdue per month (same order as <see cref="DashboardCharts.Months"/>).</summary>
public sealed record OverdueSeries(string TownshipCode, string TownshipName, IReadOnlyList<int> Counts);

/// <summary>Tasks with a due time completed by then, of all such tasks completed; null rate when none was completed.</summary>
public sealed record OnTimeRate(string TownshipCode, string TownshipName, int OnTime, int Completed, decimal? Rate);

/// <summary>Average calendar days a completed stage took, over the workflows that completed it.</summary>
public sealed record StageDuration(string StageKey, string Name, int Completed, decimal? AverageDays);

/// <summary>A task behind a cell or a chart's bar (the drill-down list).</summary>
public sealed record DashboardTask(
    Guid Id, Guid WorkflowId, string TownshipCode, string TownshipName, string StageKey, string StageName, string Title,
    string Status, string Level, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);
