using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Identity;
using Shizhu.Host.Timers;
using Shizhu.Notifications;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Incidents;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Host.Components.Services;

/// <summary>
/// The UI's way into the engine and the notifications: every operation runs in a DI scope of its own, so no
/// DbContext lives as long as a Blazor circuit. The same services the HTTP API calls, called directly.
/// </summary>
public sealed class EngineGateway(IServiceScopeFactory scopes)
{
    /// <summary>Runs <paramref name="work"/> with the services of a fresh scope (for reads that join several sources).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<IReadOnlyList<InboxItem>> InboxAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<InboxItem>>(q => q.InboxAsync(user.ToActor(), ct));

    public Task<IReadOnlyList<WorkflowSummary>> WorkflowsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<WorkflowSummary>>(q => q.ListAsync(user.ToActor(), null, null, ct));

    public Task<WorkflowDetail?> WorkflowAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        With<WorkflowQueries, WorkflowDetail?>(q => q.GetAsync(user.ToActor(), id, ct));

    public Task<IReadOnlyList<JournalView>?> JournalAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<JournalView>?>(q => q.JournalAsync(user.ToActor(), id, ct));

    /// <summary>County departments' names by code (reference data, small).</summary>
    public Task<IReadOnlyDictionary<string, string>> DepartmentNamesAsync(CancellationToken ct) =>
        With<WorkflowDbContext, IReadOnlyDictionary<string, string>>(async db =>
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct));

    public Task<IReadOnlyList<AlertView>> AlertsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<AlertView>>(q => q.AlertsAsync(user.ToActor(), null, ct));

    /// <summary>The task with its form, outcomes and evidence requirements; null when the user cannot see it.</summary>
    public Task<TaskDetail?> TaskAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct) =>
        With<WorkflowQueries, TaskDetail?>(q => q.GetTaskAsync(user.ToActor(), taskId, ct));

    /// <summary>The files uploaded for the task, oldest first; null when the user cannot see it.</summary>
    public Task<IReadOnlyList<EvidenceView>?> EvidenceAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct) =>
        With<EvidenceQueries, IReadOnlyList<EvidenceView>?>(q => q.ListAsync(user.ToActor(), taskId, ct));

    /// <summary>
    /// Uploads one evidence file through the engine's own checks (content type, size, township, open task), as the
    /// HTTP upload does; throws <see cref="WorkflowException"/> when the engine refuses.
    /// </summary>
    public Task<EvidenceView> UploadEvidenceAsync(
        ClaimsPrincipal user, Guid taskId, string requirement, string fileName, Stream content, string idempotencyKey, CancellationToken ct) =>
        With<EvidenceUploader, EvidenceView>(u =>
            u.UploadAsync(taskId, new UploadEvidence(requirement, fileName), content, user.ToActor(), idempotencyKey, ct));

    /// <summary>Throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<TaskView> CompleteTaskAsync(
        ClaimsPrincipal user, Guid taskId, CompleteTask command, string idempotencyKey, CancellationToken ct) =>
        With<TaskCompleter, TaskView>(c => c.CompleteAsync(taskId, command, user.ToActor(), idempotencyKey, ct));

    /// <summary>Throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<WorkflowSummary> StartWorkflowAsync(ClaimsPrincipal user, StartWorkflow command, string idempotencyKey, CancellationToken ct) =>
        With<WorkflowStarter, WorkflowSummary>(s => s.StartAsync(command, user.ToActor(), idempotencyKey, ct));

    public Task<IReadOnlyList<NotificationView>> NotificationsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(user.ToRecipient(), ct));

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct) =>
        // Capped (ADR 0035): the menu's badge shows 99+ beyond 99, so the count never walks everything a county office has.
        With<Shizhu.Notifications.Lists.NotificationListQuery, int>(q => q.UnreadCountAsync(user.ToRecipient(), 100, ct));

    public Task<bool> MarkReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        With<NotificationQueries, bool>(q => q.MarkReadAsync(id, user.ToRecipient(), ct));

    /// <summary>Delivers an outside message (the municipal verdict); throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<WorkflowSummary> DeliverMessageAsync(
        ClaimsPrincipal user, Guid workflowId, DeliverMessage command, string idempotencyKey, CancellationToken ct) =>
        With<MessageDelivery, WorkflowSummary>(d => d.DeliverAsync(workflowId, command, user.ToActor(), idempotencyKey, ct));

    public Task<IReadOnlyList<IncidentView>> IncidentsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<IncidentView>>(q => q.IncidentsAsync(user.ToActor(), all: false, ct));

    /// <summary>Retries an incident; throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<IncidentView> RetryIncidentAsync(ClaimsPrincipal user, Guid incidentId, string idempotencyKey, CancellationToken ct) =>
        With<IncidentRetry, IncidentView>(r => r.RetryAsync(incidentId, user.ToActor(), idempotencyKey, ct));

    /// <summary>The years of the statutory calendar that have entries, ascending.</summary>
    public Task<IReadOnlyList<int>> CalendarYearsAsync(CancellationToken ct) =>
        With<StatutoryCalendarAdmin, IReadOnlyList<int>>(c => c.YearsAsync(ct));

    public Task<IReadOnlyList<StatutoryDayEntry>> CalendarYearAsync(int year, CancellationToken ct) =>
        With<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(c => c.YearAsync(year, ct));

    /// <summary>Replaces a year's holidays and make-up working days; throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<IReadOnlyList<StatutoryDayEntry>> ReplaceCalendarYearAsync(
        ClaimsPrincipal user, int year, IReadOnlyList<StatutoryDayEntry> entries, string idempotencyKey, CancellationToken ct) =>
        With<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(c => c.ReplaceYearAsync(year, entries, user.ToActor(), idempotencyKey, ct));

    /// <summary>Fires every timer due by the (just moved) application clock; answers how many fired.</summary>
    public Task<int> SweepTimersAsync(CancellationToken ct) => With<TimerJobs, int>(t => t.SweepAsync(ct));

    private async Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
