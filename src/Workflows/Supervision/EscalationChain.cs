using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The escalation chain of an overdue task (issue 13 item 4, ADR 0037 addendum, ADR 0050): each step of the template's
/// <c>escalation</c> is a durable timer of its own kind, set when the task's deadline fires (not with the task, so a task
/// done in time never carries them), and firing it raises the alert of that kind. One timer kind and one alert kind per audience is what makes each step fire exactly once: the timer fires
/// once, and the filtered unique index (one open alert per task and kind) refuses a racing replica's second row.
/// </summary>
public static class EscalationChain
{
    private static readonly IReadOnlyDictionary<string, (TimerKind Timer, AlertKind Alert)> Steps = new Dictionary<string, (TimerKind, AlertKind)>
    {
        [Roles.TownshipLeader] = (TimerKind.EscalateToTownship, AlertKind.EscalatedToTownship),
        [Roles.CountyLeader] = (TimerKind.EscalateToCounty, AlertKind.EscalatedToCounty),
        [Roles.CountySupervisor] = (TimerKind.EscalateToOffice, AlertKind.EscalatedToOffice),
    };

    /// <summary>Who a step tells, as the journal and the alert list say it.</summary>
    public static string AudienceName(AlertKind kind) => kind switch
    {
        AlertKind.EscalatedToTownship => "乡镇主要领导",
        AlertKind.EscalatedToCounty => "县领导",
        AlertKind.EscalatedToOffice => "县政府督查办",
        _ => kind.ToString(),
    };

    public static bool IsAudience(string? role) => role is not null && Steps.ContainsKey(role);

    public static bool IsStep(AlertKind kind) => Steps.Values.Any(s => s.Alert == kind);

    public static bool IsEscalation(TimerKind kind) => Steps.Values.Any(s => s.Timer == kind);

    public static AlertKind AlertOf(TimerKind kind) => Steps.Values.Single(s => s.Timer == kind).Alert;

    /// <summary>
    /// When a step falls: <paramref name="afterWorkingDays"/> working days of the statutory calendar after the due day,
    /// at the due time's time of day (China time); step 0 is the due time itself.
    /// </summary>
    public static DateTimeOffset PointOf(DateTimeOffset dueAt, int afterWorkingDays, WorkingCalendar calendar)
    {
        if (afterWorkingDays <= 0) return dueAt;
        var local = ChinaTime.ToLocal(dueAt);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), afterWorkingDays);
        return ChinaTime.At(day, TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The chain's timers for a task due at <paramref name="dueAt"/>, made at <paramref name="now"/>: one per step of the
    /// template, at its point (a point already past fires at the next sweep, like a due time in the past).
    /// </summary>
    public static IEnumerable<WorkflowTimer> TimersFor(TemplateDefinition template, WorkflowTask task, DateTimeOffset dueAt,
        WorkingCalendar calendar, Func<Guid> newId) =>
        template.EscalationSteps.Where(s => IsAudience(s.To)).Select(s => new WorkflowTimer
        {
            Id = newId(), WorkflowId = task.WorkflowId, TaskId = task.Id, TokenId = task.TokenId, ElementId = task.ElementId,
            Kind = Steps[s.To].Timer, DueAt = PointOf(dueAt, s.AfterWorkingDays, calendar),
        });
}
