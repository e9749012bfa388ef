using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Alerts;

/// <summary>
/// Closes open alerts inside an engine command: they are loaded tracked and written with the command's own change
/// set, so an alert is resolved exactly when (and only if) the completion, cancellation or extension commits.
/// </summary>
internal static class AlertResolver
{
    public static async Task<int> ResolveTaskAsync(WorkflowDbContext db, Guid taskId, AlertResolution why, DateTimeOffset now, CancellationToken ct) =>
        Resolve(await db.Alerts.Where(a => a.TaskId == taskId && a.ResolvedAt == null).ToListAsync(ct), why, now);

    public static async Task<int> ResolveWorkflowAsync(WorkflowDbContext db, Guid workflowId, AlertResolution why, DateTimeOffset now, CancellationToken ct) =>
        Resolve(await db.Alerts.Where(a => a.WorkflowId == workflowId && a.ResolvedAt == null).ToListAsync(ct), why, now);

    private static int Resolve(List<TaskAlert> open, AlertResolution why, DateTimeOffset now)
    {
        foreach (var alert in open)
        {
            alert.ResolvedAt = now;
            alert.Resolution = why;
        }
        return open.Count;
    }
}
