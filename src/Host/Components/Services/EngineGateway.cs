using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Identity;
using Shizhu.Host.Timers;
using Shizhu.Notifications;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

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

    /// <summary>Throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<WorkflowTask> CompleteTaskAsync(
        ClaimsPrincipal user, Guid taskId, CompleteTask command, string idempotencyKey, CancellationToken ct) =>
        With<TaskCompleter, WorkflowTask>(c => c.CompleteAsync(taskId, command, user.ToActor(), idempotencyKey, ct));

    /// <summary>Throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<WorkflowInstance> StartWorkflowAsync(ClaimsPrincipal user, StartWorkflow command, CancellationToken ct) =>
        With<WorkflowStarter, WorkflowInstance>(s => s.StartAsync(command, user.ToActor(), ct));

    public Task<IReadOnlyList<NotificationView>> NotificationsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(user.ToRecipient(), ct));

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<NotificationQueries, int>(q => q.UnreadCountAsync(user.ToRecipient(), ct));

    public Task<bool> MarkReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        With<NotificationQueries, bool>(q => q.MarkReadAsync(id, user.ToRecipient(), ct));

    /// <summary>Delivers an outside message (the municipal verdict); throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<bool> DeliverMessageAsync(ClaimsPrincipal user, Guid workflowId, string name, System.Text.Json.JsonElement payload, CancellationToken ct) =>
        With<MessageDelivery, bool>(async d => { await d.DeliverAsync(workflowId, name, payload, user.ToActor(), ct); return true; });

    public Task<IReadOnlyList<IncidentView>> IncidentsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        With<WorkflowQueries, IReadOnlyList<IncidentView>>(q => q.IncidentsAsync(user.ToActor(), all: false, ct));

    /// <summary>Retries an incident; throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public Task<bool> RetryIncidentAsync(ClaimsPrincipal user, Guid incidentId, CancellationToken ct) =>
        With<IncidentRetry, bool>(async r => { await r.RetryAsync(incidentId, user.ToActor(), ct); return true; });

    /// <summary>Fires every timer due by the (just moved) application clock; answers how many fired.</summary>
    public Task<int> SweepTimersAsync(CancellationToken ct) => With<TimerJobs, int>(t => t.SweepAsync(ct));

    private async Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
