using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Health;

/// <summary>
/// Reports the outbox backlog (events committed but not yet published) and the age of the oldest of them, so an
/// operator sees a stuck relay; it fails only when the database cannot be read.
/// </summary>
public sealed class OutboxHealthCheck(WorkflowDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var pending = db.Outbox.AsNoTracking().Where(m => m.PublishedAt == null);
            var backlog = await pending.CountAsync(ct);
            var oldest = backlog == 0 ? null : await pending.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.OccurredAt).FirstAsync(ct);
            var age = oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;
            var data = new Dictionary<string, object>
            {
                ["backlog"] = backlog,
                ["oldestUnpublishedAt"] = oldest?.ToString("O") ?? "",
                ["oldestUnpublishedAgeSeconds"] = Math.Max(0, Math.Round(age.TotalSeconds, 1)),
            };
            return HealthCheckResult.Healthy($"{backlog} events waiting to be published", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The outbox cannot be read", ex);
        }
    }
}
