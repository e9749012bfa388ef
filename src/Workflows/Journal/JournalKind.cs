namespace Shizhu.Workflows.Journal;

/// <summary>
/// What a journal row records. Stored by name (the column holds <c>TaskCompleted</c>, …) and sent by name in the
/// API, so the UI and scripts match on these members rather than on string literals.
/// </summary>
public enum JournalKind
{
    WorkflowStarted,
    WorkflowCompleted,
    WorkflowCancelled,
    WorkflowSuspended,
    WorkflowResumed,
    StageEntered,
    StageCompleted,
    TaskCreated,
    TaskCompleted,
    TaskClaimed,
    TaskReleased,
    TaskAssigned,
    TaskTimedOut,
    TaskOverdue,
    TaskAlertRaised,
    TimerElapsed,
    WaitingForTime,
    WaitingForMessage,
    MessageDelivered,
    ServiceTaskCompleted,
    EvidenceUploaded,
    IncidentRaised,
    IncidentRetried,
    /// <summary>A running workflow moved to another version of its template (instance migration, ADR 0028).</summary>
    WorkflowMigrated,
    TokenMigrated,
    /// <summary>County finance confirmed an instalment's payment (ADR 0027).</summary>
    SubsidyPaid,
    /// <summary>The county office moved a task's due time (延期, ADR 0037).</summary>
    TaskDeadlineExtended,
    /// <summary>催办: someone urged a task, or a township's workflow as a whole (ADR 0037).</summary>
    TaskUrged,
    TownshipUrged,
    /// <summary>转办: the task went to another eligible user (ADR 0031).</summary>
    TaskTransferred,
    /// <summary>委派: the owner handed the task to a delegate, who works it and resolves it back.</summary>
    TaskDelegated,
    /// <summary>The delegate resolved a delegated task: it is back with its owner to confirm (complete).</summary>
    DelegationResolved,
    /// <summary>退回: the token went back to an earlier user task, reopened for whoever completed it.</summary>
    TaskSentBack,
    /// <summary>抄送: copies of a task went to people for information.</summary>
    TaskCopied,
    /// <summary>撤回: the completing user withdrew a completion whose next task was untouched.</summary>
    TaskWithdrawn,
    /// <summary>The uploader took back an evidence file of an open task (ADR 0033).</summary>
    EvidenceRemoved,
    /// <summary>A 会签/或签 element's completion condition held: the element moved on, its open instances were cancelled (ADR 0045).</summary>
    MultiInstanceCompleted,
}
