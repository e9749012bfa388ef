namespace Shizhu.Workflows.Events;

/// <summary>
/// What an alert on an open task is (<see cref="TaskEscalated.Kind"/>, the alerts table): the engine writes these
/// words, notifications and the UI choose their wording by them.
/// </summary>
public static class AlertKinds
{
    /// <summary>The task passed its due time (<see cref="TaskOverdue"/>).</summary>
    public const string Overdue = "overdue";

    /// <summary>A non-interrupting boundary timer asks the task's holders to get on with it.</summary>
    public const string Reminder = "reminder";

    /// <summary>A non-interrupting boundary timer takes the task to the leaders.</summary>
    public const string Escalation = "escalation";
}
