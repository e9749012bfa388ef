using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Alerts;

/// <summary>预警: overdue alerts the user may see, with the task and township they are about.</summary>
public sealed partial class AlertsPage
{
    private List<AlertRow>? _rows;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var alerts = await Engine.AlertsAsync(User, ct);
        var taskIds = alerts.Select(a => a.TaskId).Distinct().ToList();
        var codes = alerts.Select(a => a.TownshipCode).Distinct().ToList();
        var (tasks, townships) = await Engine.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDbContext>();
            var t = await db.Tasks.AsNoTracking().Where(x => taskIds.Contains(x.Id))
                .Select(x => new { x.Id, x.Title, x.DueAt, x.Status }).ToDictionaryAsync(x => x.Id, ct);
            var n = await db.Townships.AsNoTracking().Where(x => codes.Contains(x.Code))
                .ToDictionaryAsync(x => x.Code, x => x.Name, ct);
            return (t, n);
        });
        _rows = [.. alerts.Select(a =>
        {
            var task = tasks.GetValueOrDefault(a.TaskId);
            return new AlertRow(a, townships.GetValueOrDefault(a.TownshipCode) ?? a.TownshipCode,
                task?.Title ?? "—", task?.DueAt, task?.Status);
        })];
    }

    private sealed record AlertRow(AlertView Alert, string TownshipName, string TaskTitle, DateTimeOffset? DueAt, UserTaskStatus? TaskStatus);
}
