using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The delivery log (留痕): one row per event, channel and recipient address. Unique on those three, so a
/// message once sent to an address is never sent to it again, whatever redelivery or retry happens. The row keeps
/// the rendered text, so a retry, a morning release or a resend needs neither the event nor its audience again.
/// </summary>
public sealed class Delivery
{
    public long Id { get; init; }
    public required Guid EventId { get; init; }
    public required string Channel { get; init; }

    /// <summary>The recipient's address on the channel (mail address, mobile number, WeCom/DingTalk user id).</summary>
    public required string Recipient { get; init; }

    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public MessageKind Kind { get; init; }
    public Guid? WorkflowId { get; init; }

    /// <summary>The task the message is about, so the sent text links to its task page rather than the workflow's.</summary>
    public Guid? TaskId { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts since the row was made or last resent; the last one allowed ends in a dead letter.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When the sweep next looks at the row: the retry time (<see cref="DeliveryStatus.Retrying"/>), the end of quiet
    /// hours or of the rate window (<see cref="DeliveryStatus.Held"/>), or the end of an attempt's lease
    /// (<see cref="DeliveryStatus.Sending"/>, so an attempt cut off by a crash is taken up again).
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Why the row is held (<see cref="HoldReasons"/>), null otherwise.</summary>
    public string? HeldFor { get; set; }

    /// <summary>The provider's last answer when the message did not go through; null once sent.</summary>
    public string? Error { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who last resent the row from the dead letters, and when (the attempt log has every resend).</summary>
    public string? ResentBy { get; set; }
    public DateTimeOffset? ResentAt { get; set; }

    /// <summary>Changed on every update: two sweeps (or replicas) cannot both claim the row for an attempt.</summary>
    public int Version { get; set; }

    public List<DeliveryAttempt> AttemptLog { get; init; } = [];
}

/// <summary>Why a delivery waits: quiet hours at night, or the channel's rate limit.</summary>
public static class HoldReasons
{
    public const string QuietHours = "quiet-hours";
    public const string RateLimit = "rate-limit";
}
