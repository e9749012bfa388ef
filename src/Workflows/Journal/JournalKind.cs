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
    /// <summary>The uploader took back an evidence file of an open task (ADR 0033).</summary>
    EvidenceRemoved,
}
