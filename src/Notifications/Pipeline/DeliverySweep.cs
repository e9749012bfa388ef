using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// The durable half of delivery: everything due in the log — retries after a transient failure, messages held for
/// the night or the rate limit, attempts cut off by a crash — is tried again, several for one address batched into
/// one message. Rows are claimed by their version, so two sweeps (two replicas) never send the same row.
/// </summary>
public sealed class DeliverySweep(
    NotificationDbContext db,
    IEnumerable<IMessageSender> senders,
    DeliveryPolicy policy,
    DeliveryAttempts attempts,
    TimeProvider clock,
    ILogger<DeliverySweep> logger)
{
    const int RowsPerRun = 500;

    /// <summary>One pass over what is due now; answers how many deliveries it attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deliveries
            .Where(d => (d.Status == DeliveryStatus.Retrying || d.Status == DeliveryStatus.Held || d.Status == DeliveryStatus.Sending)
                        && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .ThenBy(d => d.Id)
            .Take(RowsPerRun)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var byChannel = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        var attempted = 0;
        foreach (var group in due.GroupBy(d => (d.Channel, d.Recipient)))
        {
            if (!byChannel.TryGetValue(group.Key.Channel, out var sender))
            {
                logger.LogWarning("No sender is installed for {Channel}; {Count} due deliveries wait", group.Key.Channel, group.Count());
                continue;
            }

            foreach (var batch in group.Chunk(policy.MaxBatch))
            {
                var sent = await TryBatchAsync(sender, batch, now, ct);
                if (sent < 0)
                    return attempted; // another sweep holds rows of this run: the next run reads afresh
                attempted += sent;
            }
        }

        return attempted;
    }

    /// <summary>Attempts one address's due deliveries as one message; -1 when another sweep claimed them first.</summary>
    async Task<int> TryBatchAsync(IMessageSender sender, IReadOnlyList<Delivery> batch, DateTimeOffset now, CancellationToken ct)
    {
        var channel = sender.Channel;
        if (!policy.IsEnabled(channel))
        {
            // Switched off by the county office after the message was logged: nothing to wait for.
            foreach (var d in batch)
                EndAsDeadLetter(d, "县爱卫办已关闭该渠道", now);
            return await SaveClaimAsync(ct) ? 0 : -1;
        }

        var ready = new List<Delivery>();
        foreach (var d in batch)
        {
            if (policy.QuietUntil(channel, d.Kind, now) is { } morning)
                attempts.Hold([d], HoldReasons.QuietHours, morning, now);
            else
                ready.Add(d);
        }

        // One message (batched) takes one permit of the rate limit.
        if (ready.Count > 0 && attempts.RateLimitedUntil(channel, now) is { } freeAt)
        {
            attempts.Hold(ready, HoldReasons.RateLimit, freeAt, now);
            ready.Clear();
        }

        if (ready.Count > 0)
            attempts.Claim(ready, now);
        if (!await SaveClaimAsync(ct))
            return -1;
        if (ready.Count == 0)
            return 0;

        await attempts.SendAsync(sender, ready, ct);
        return ready.Count;
    }

    async Task<bool> SaveClaimAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Due deliveries were claimed by a concurrent sweep; this run stops");
            return false;
        }
    }

    static void EndAsDeadLetter(Delivery d, string reason, DateTimeOffset now)
    {
        d.Status = DeliveryStatus.DeadLetter;
        d.NextAttemptAt = null;
        d.HeldFor = null;
        d.Error = reason;
        d.At = now;
        d.Version++;
    }
}
