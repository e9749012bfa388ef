namespace Shizhu.Workflows.Runtime.Model;

public enum TimerKind
{
    /// <summary>A task's due time: if the task is still open, it becomes overdue.</summary>
    TaskDue,
    /// <summary>A timer event (or a timer start): the waiting token moves on.</summary>
    TimerEvent,
    /// <summary>A boundary timer on a task: an alert, or (interrupting) the task is cancelled and the token moves on.</summary>
    Boundary,
    /// <summary>The yellow warning point of a task: its template's <c>warningDays</c> working days before the due time (ADR 0037).</summary>
    TaskWarning,
    /// <summary>An escalation step of an overdue task to its township's leader (<c>escalation</c> of the template, ADR 0037 addendum).</summary>
    EscalateToTownship,
    /// <summary>An escalation step of an overdue task to the county leaders.</summary>
    EscalateToCounty,
    /// <summary>An escalation step of an overdue task to the supervision office.</summary>
    EscalateToOffice,
}
