using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shizhu.Notifications;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Messaging;

/// <summary>
/// The guarantee behind "no event is lost": the outbox keeps every event after it is published, and each
/// consumer records the events it processed. A pass compares the two for events published between
/// <see cref="ReconciliationOptions.Lookback"/> and <see cref="ReconciliationOptions.After"/> ago and publishes
/// again those that some consumer has not processed; consumers de-duplicate by event id, so a republished
/// event that was merely slow does no harm.
/// </summary>
public sealed class OutboxReconciler(IServiceScopeFactory scopes, OutboxRelay relay, TimeProvider clock,
    IOptions<ReconciliationOptions> options, IConfiguration configuration, ILogger<OutboxReconciler> logger) : BackgroundService
{
    private const int PageSize = 500;
    // Every consumer subscribes to every event type and marks each event it handled, sent or not: in-app, e-mail and
    // each external channel configuration enables (the same answer that put their consumers on the bus).
    private readonly IReadOnlyList<string> consumers = NotificationsServiceCollectionExtensions.NotificationConsumerNames(configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken);
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox reconciliation pass failed; trying again in {Interval}", interval);
            }
        }
    }

    /// <summary>One pass; answers how many events it published again.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = now - options.Value.Lookback;
        var to = now - options.Value.After;
        await using var scope = scopes.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();

        var republished = 0;
        for (long afterId = 0; ;)
        {
            var page = await workflows.Outbox.AsNoTracking()
                .Where(m => m.PublishedAt != null && m.PublishedAt >= from && m.PublishedAt <= to && m.Id > afterId)
                .OrderBy(m => m.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            afterId = page[^1].Id;

            var ids = page.Select(m => m.EventId).ToList();
            var processed = await notifications.ProcessedEvents.AsNoTracking()
                .Where(p => ids.Contains(p.EventId))
                .Select(p => new { p.EventId, p.Consumer }).ToListAsync(ct);
            var done = processed.GroupBy(p => p.EventId)
                .Where(g => consumers.All(c => g.Any(p => p.Consumer == c)))
                .Select(g => g.Key).ToHashSet();

            foreach (var message in page.Where(m => !done.Contains(m.EventId)))
            {
                await relay.PublishAsync(message, ct);
                republished++;
                logger.LogWarning("Outbox event {EventId} of type {EventType}, published at {PublishedAt}, was not processed by every consumer; published again",
                    message.EventId, message.Type, message.PublishedAt);
            }
            if (page.Count < PageSize) break;
        }
        return republished;
    }
}
