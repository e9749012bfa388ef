using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Cockpit;

/// <summary>
/// Workflows, stages and tasks as they stood at one moment, from the times the rows carry: a stage is done once completed
/// by then, current once entered; a task is open from its creation to its completion (cancelled tasks are left out: the
/// row does not say when).
/// </summary>
internal sealed class CockpitSnapshot(DateTimeOffset asOf, ISupervisionFacts facts)
{
    public const string Done = "done", Current = "current", DueSoon = "dueSoon", Overdue = "overdue", Pending = "pending", None = "none";

    public DateTimeOffset AsOf => asOf;

    public bool IsDone(WorkflowStage stage) => stage.CompletedAt is { } at && at <= asOf;

    public bool IsEntered(WorkflowStage stage) => stage.EnteredAt is { } at && at <= asOf;

    public bool IsOpen(WorkflowTask task) => task.CreatedAt <= asOf && (task.CompletedAt is null || task.CompletedAt > asOf);

    public bool IsCompleted(WorkflowTask task) => task.CompletedAt is { } at && at <= asOf;

    public WarningLevel Level(WorkflowTask task) => IsOpen(task) ? facts.LevelOf(task.DueAt, asOf) : WarningLevel.None;

    /// <summary>Whether the task went past its due time by <see cref="AsOf"/> (completed late or still open).</summary>
    public bool WentOverdue(WorkflowTask task) => task.DueAt is { } due && due <= asOf && (task.CompletedAt ?? asOf) > due;

    /// <summary>The state of a stage's cell, from the stage and its tasks.</summary>
    public string StateOf(WorkflowStage? stage, IReadOnlyList<WorkflowTask> tasks)
    {
        if (stage is null) return None;
        if (IsDone(stage)) return Done;
        if (!IsEntered(stage)) return Pending;
        var levels = tasks.Select(Level).ToList();
        return levels.Contains(WarningLevel.Overdue) ? Overdue : levels.Contains(WarningLevel.DueSoon) ? DueSoon : Current;
    }

    /// <summary>Whether a task lies behind a cell in the given state (the drill-down).</summary>
    public bool Behind(WorkflowTask task, string state) => state switch
    {
        Done => IsCompleted(task),
        Current => IsOpen(task),
        DueSoon => Level(task) == WarningLevel.DueSoon,
        Overdue => Level(task) == WarningLevel.Overdue,
        _ => task.CreatedAt <= asOf,
    };

    public static int Days(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (int)Math.Floor((to - from).TotalDays));

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(ChinaTime.ToLocal(instant).DateTime);

    public static string Month(DateTimeOffset instant) => ChinaTime.ToLocal(instant).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
