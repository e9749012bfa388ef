using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

// What a dry run or an execution answers, per workflow and per batch. Views, not entities: they are also what the
// journal row of a migration records and what an Idempotency-Key replays.

/// <summary>
/// What happens (dry run) or happened (execution) to one workflow. <see cref="Status"/>: <c>dryRun</c> (nothing written;
/// <see cref="Refusals"/> empty means it can migrate), <c>migrated</c>, or <c>refused</c> (nothing written: see
/// <see cref="Refusals"/>). <see cref="VariablesUnchanged"/> is true by design: a migration never touches variables.
/// </summary>
public sealed record WorkflowMigrationView(
    Guid WorkflowId, string TownshipCode, string TownshipName, string TemplateKey, int FromVersion, int ToVersion,
    string Status, string PlanHash,
    IReadOnlyList<TokenMoveView> Tokens,
    IReadOnlyList<TaskChangeView> TasksKept,
    IReadOnlyList<TaskChangeView> TasksCancelled,
    IReadOnlyList<TaskChangeView> TasksCreated,
    IReadOnlyList<TimerChangeView> Timers,
    IReadOnlyList<StageChangeView> Stages,
    IReadOnlyList<MigrationRefusalView> Refusals,
    bool VariablesUnchanged = true)
{
    public const string DryRun = "dryRun";
    public const string Migrated = "migrated";
    public const string Refused = "refused";
}

/// <summary>A token's fate: <c>moved</c> (same token, from → to), <c>created</c> (a split's new token), <c>cancelled</c>.</summary>
public sealed record TokenMoveView(Guid? TokenId, string From, string? To, string Change);

/// <summary>A task kept (same row, new element; due time before and after), cancelled or created (id null in a dry run).</summary>
public sealed record TaskChangeView(
    Guid? TaskId, string Title, string? FromElement, string? ToElement, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter, string? Reason = null);

/// <summary>
/// A timer's fate: <c>kept</c>, <c>recomputed</c> (old row cancelled, a new one at <see cref="DueAfter"/>),
/// <c>cancelled</c> or <c>created</c>. <see cref="Kind"/> as the engine names it (<c>taskDue</c>, <c>timerEvent</c>, <c>boundary</c>).
/// </summary>
public sealed record TimerChangeView(
    Guid? TimerId, string Kind, string? FromElement, string? ToElement, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter, string Change);

/// <summary>A stage before and after (status null: the stage does not exist on that side).</summary>
public sealed record StageChangeView(string Key, string Name, StageStatus? Before, StageStatus? After);

/// <summary>Why a workflow cannot migrate, at which element (empty for the workflow as a whole), in Chinese.</summary>
public sealed record MigrationRefusalView(string ElementId, string Reason);

/// <summary>A batch: the plan, how many workflows it selected, and each one's result in township order.</summary>
public sealed record MigrationBatchView(
    string TemplateKey, int SourceVersion, int TargetVersion, string PlanHash, bool DryRun,
    int Selected, int Migrated, int Refused, IReadOnlyList<WorkflowMigrationView> Workflows);
