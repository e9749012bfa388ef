namespace Shizhu.Workflows.Events;

/// <summary>
/// What an alert on an open task is (<see cref="TaskAlertRaised.Kind"/>, the alerts table): the engine raises these,
/// notifications and the UI choose their wording by them. Sent and stored by name (<c>overdue</c> in the API).
/// </summary>
public enum AlertKind
{
    /// <summary>The task passed its due time (<see cref="TaskOverdue"/>).</summary>
    Overdue,

    /// <summary>A non-interrupting boundary timer asks the task's holders to get on with it.</summary>
    Reminder,

    /// <summary>A non-interrupting boundary timer takes the task to the leaders.</summary>
    Escalation,

    /// <summary>
    /// The yellow warning (黄色预警): the task falls due within its template's <c>warningDays</c> working days
    /// (ADR 0037). <see cref="Overdue"/> is the red one.
    /// </summary>
    DueSoon,

    /// <summary>Escalation step 1 (ADR 0037 addendum): the task is overdue, its township's principal leader is told.</summary>
    EscalatedToTownship,

    /// <summary>Escalation step 2: overdue by the template's N working days (default 3), the county leaders are told.</summary>
    EscalatedToCounty,

    /// <summary>Escalation step 3: overdue by M working days (default 10), the supervision office (县政府督查办) is told.</summary>
    EscalatedToOffice,
}
