using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// What migrating one workflow takes, worked out before anything changes (<see cref="MigrationPlanner"/>): a dry run
/// reports it, an execution applies exactly it (<see cref="MigrationApplier"/>), so the two never disagree.
/// </summary>
internal sealed class MigrationWork
{
    public List<MigrationRefusalView> Refusals { get; } = [];
    /// <summary>Tokens that stay where they wait, on the target's element (a kept task, timer, message or join).</summary>
    public List<(WorkflowToken Token, string To, string? ArrivedBy)> Moves { get; } = [];
    /// <summary>Tokens that arrive anew at a waiting element: an existing token whose wait was cancelled, or a split's new token (null).</summary>
    public List<(WorkflowToken? Token, string From, string To)> Arrivals { get; } = [];
    public List<WorkflowToken> CancelledTokens { get; } = [];
    public List<(WorkflowTask Task, string Reason)> CancelledTasks { get; } = [];
    public List<KeptTask> KeptTasks { get; } = [];
    /// <summary>Pending timer rows to stop (cancelled, or replaced by a recomputed one).</summary>
    public List<WorkflowTimer> StoppedTimers { get; } = [];
    /// <summary>Timer rows to add for kept waits (recomputed or new boundary timers).</summary>
    public List<WorkflowTimer> NewTimers { get; } = [];
    public List<StageChangeView> Stages { get; } = [];
    public string? CurrentStageAfter { get; set; }

    // The report, filled while the work is worked out.
    public List<TokenMoveView> TokenViews { get; } = [];
    public List<TaskChangeView> CreatedTaskViews { get; } = [];
    public List<TimerChangeView> TimerViews { get; } = [];

    public void Refuse(string elementId, string reason) => Refusals.Add(new MigrationRefusalView(elementId, reason));

    /// <summary>The report of this work for <paramref name="workflow"/> as it was before any change.</summary>
    public WorkflowMigrationView View(WorkflowInstance workflow, MigrationPlan plan, string status,
        IReadOnlyList<TaskChangeView>? created = null) =>
        new(workflow.Id, workflow.TownshipCode, workflow.TownshipName, plan.Key, plan.SourceVersion, plan.TargetVersion,
            Refusals.Count > 0 ? WorkflowMigrationView.Refused : status, plan.Hash,
            [.. TokenViews],
            [.. KeptTasks.Select(k => new TaskChangeView(k.Task.Id, k.Title, k.From, k.To, k.DueBefore, k.DueAfter))],
            [.. CancelledTasks.Select(c => new TaskChangeView(c.Task.Id, c.Task.Title, c.Task.ElementId, null, c.Task.DueAt, null, c.Reason))],
            // By element: the dry run knows the arrivals' order, the execution only the new rows (same instant, random
            // version-7 ids), and the two reports must list the same work the same way.
            [.. (created ?? CreatedTaskViews).OrderBy(t => t.ToElement, StringComparer.Ordinal)],
            [.. TimerViews], [.. Stages], [.. Refusals]);
}

/// <summary>A task that keeps its row: only its element, stage, title and (by the plan's rule) due time change.</summary>
internal sealed record KeptTask(WorkflowTask Task, string From, string To, string StageKey, string Title, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter);
