using Shizhu.Notifications.Telemetry;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// Makes attempts at deliveries and writes down how they ended; shared by <see cref="SenderChannel{TSender}"/> (the
/// first attempt, as the event arrives) and <see cref="DeliverySweep"/> (retries, morning releases, batches).
/// </summary>
public sealed class DeliveryAttempts(
    NotificationDbContext db, DeliveryPolicy policy, ChannelThrottle throttle, TimeProvider clock, ILogger<DeliveryAttempts> logger)
{
    /// <summary>
    /// Whether a delivery must wait, and until when: the end of quiet hours, or of the channel's rate window. A
    /// delivery that may go now takes a permit of the rate limit.
    /// </summary>
    public (string Reason, DateTimeOffset Until)? HoldFor(string channel, MessageKind kind, DateTimeOffset now)
    {
        if (policy.QuietUntil(channel, kind, now) is { } morning)
            return (HoldReasons.QuietHours, morning);
        return RateLimitedUntil(channel, now) is { } freeAt ? (HoldReasons.RateLimit, freeAt) : null;
    }

    /// <summary>Null and a permit taken when the channel may send one message now; else when the next permit frees up.</summary>
    public DateTimeOffset? RateLimitedUntil(string channel, DateTimeOffset now) =>
        policy.RateLimit(channel) is { } limit && !throttle.TryAcquire(channel, limit.Permits, limit.Window, now, out var freeAt)
            ? freeAt
            : null;

    /// <summary>Marks the deliveries (claimed, in <see cref="DeliveryStatus.Sending"/>) to wait until <paramref name="until"/>.</summary>
    public void Hold(IEnumerable<Delivery> deliveries, string reason, DateTimeOffset until, DateTimeOffset now)
    {
        foreach (var d in deliveries)
        {
            d.Status = DeliveryStatus.Held;
            d.HeldFor = reason;
            d.NextAttemptAt = until;
            d.At = now;
            d.Version++;
        }
    }

    /// <summary>Starts an attempt: the deliveries are this process's until the lease ends, then the sweep may take them up.</summary>
    public void Claim(IEnumerable<Delivery> deliveries, DateTimeOffset now)
    {
        foreach (var d in deliveries)
        {
            d.Status = DeliveryStatus.Sending;
            d.Attempts++;
            d.HeldFor = null;
            d.NextAttemptAt = now + policy.AttemptLease;
            d.At = now;
            d.Version++;
        }
    }

    /// <summary>
    /// Sends claimed deliveries for one address as one message (several are batched into one) and saves the outcome:
    /// sent; a transient failure retried after a back-off, or a dead letter after the last attempt; a permanent
    /// refusal a dead letter at once.
    /// </summary>
    public async Task SendAsync(IMessageSender sender, IReadOnlyList<Delivery> batch, CancellationToken ct)
    {
        SendResult result;
        try
        {
            result = await sender.SendAsync(Compose(batch), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sender should classify, not throw; one that throws has met something unexpected, which may pass.
            logger.LogWarning(ex, "The {Channel} sender threw; treated as a transient failure", sender.Channel);
            result = SendResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }

        var now = clock.GetUtcNow();
        foreach (var d in batch)
            Record(d, result, batch.Count, now);
        await db.SaveChangesAsync(ct);

        var first = batch[0];
        NotificationMetrics.DeliveryAttempted(first.Channel, first.Status.ToString(), batch.Count);
        logger.Log(result.Outcome == SendOutcome.Sent ? LogLevel.Information : LogLevel.Warning,
            "{Channel} delivery of {Count} message(s) to {UserName}: {Outcome} ({Answer}); now {Status}",
            first.Channel, batch.Count, first.UserName, result.Outcome, result.ProviderAnswer, first.Status);
    }

    void Record(Delivery d, SendResult result, int batchSize, DateTimeOffset now)
    {
        d.AttemptLog.Add(new DeliveryAttempt
        {
            At = now,
            Outcome = result.Outcome switch
            {
                SendOutcome.Sent => AttemptOutcome.Sent,
                SendOutcome.PermanentFailure => AttemptOutcome.PermanentFailure,
                _ => AttemptOutcome.TransientFailure,
            },
            ProviderAnswer = Clip(result.ProviderAnswer),
            BatchSize = batchSize,
        });
        d.At = now;
        d.Version++;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                d.Status = DeliveryStatus.Sent;
                d.NextAttemptAt = null;
                d.Error = null;
                break;
            case SendOutcome.TransientFailure when d.Attempts < policy.Retry.MaxAttempts:
                d.Status = DeliveryStatus.Retrying;
                d.NextAttemptAt = now + policy.BackOff(d.Attempts, result.RetryAfter);
                d.Error = Clip(result.ProviderAnswer);
                break;
            default:
                d.Status = DeliveryStatus.DeadLetter;
                d.NextAttemptAt = null;
                d.Error = Clip(result.ProviderAnswer) ?? "provider refused the message";
                break;
        }
    }

    /// <summary>
    /// One delivery is sent as rendered; several for one person (held by the rate limit or the night) become one
    /// numbered digest, so a burst costs one message of the provider's quota instead of many.
    /// </summary>
    static OutgoingMessage Compose(IReadOnlyList<Delivery> batch)
    {
        var first = batch[0];
        var recipient = new Recipient(first.UserName, first.DisplayName, Email: first.Channel == Channels.Email ? first.Recipient : null);
        if (batch.Count == 1)
            return new OutgoingMessage(first.EventId, first.Kind, first.Recipient, recipient,
                new AudienceMessage(first.EventId, first.OccurredAt, first.WorkflowId, first.Title, first.Body, [], first.Kind, TaskId: first.TaskId));

        var body = string.Join("\n\n", batch.Select((d, i) => $"{i + 1}. {d.Title}\n{d.Body}"));
        var digest = new AudienceMessage(first.EventId, first.OccurredAt, null, $"您有{batch.Count}条新消息", body, [], MessageKind.Digest);
        return new OutgoingMessage(first.EventId, MessageKind.Digest, first.Recipient, recipient, digest);
    }

    static string? Clip(string? text) => text is null ? null : text[..Math.Min(text.Length, 2000)];
}
