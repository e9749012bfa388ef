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
}
