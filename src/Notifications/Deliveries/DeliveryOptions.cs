using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// What the county office allows on each external channel and how the pipeline paces it; bound from
/// <c>Notifications:Delivery</c>. Every channel setting left out falls back to <see cref="ChannelDefaults"/>.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications:Delivery";

    /// <summary>Per channel name (<c>email</c>, <c>wecom</c>, <c>dingtalk</c>, <c>sms</c>), case-insensitive.</summary>
    public Dictionary<string, ChannelPolicyOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public QuietHoursOptions QuietHours { get; set; } = new();
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How often (wall time) the sweep looks for retries, held messages and cut-off attempts.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an attempt may run before the sweep assumes it was cut off (crash, restart) and tries again.</summary>
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many deliveries for one recipient go out as one batched message.</summary>
    public int MaxBatch { get; set; } = 20;
}

/// <summary>The county office's rules for one channel. Null: the channel's default.</summary>
public sealed class ChannelPolicyOptions
{
    /// <summary>The county-level switch. E-mail defaults to <c>Notifications:Email:Enabled</c>; other channels to off.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The kinds of message the channel may carry at all (e.g. which kinds may go by SMS).</summary>
    public MessageKind[]? AllowedKinds { get; set; }

    /// <summary>The kinds a person receives on the channel until they choose otherwise.</summary>
    public MessageKind[]? DefaultKinds { get; set; }

    /// <summary>Whether the channel is silent during quiet hours (escalations still pass).</summary>
    public bool? QuietHours { get; set; }

    /// <summary>The provider's rate limit: messages per <see cref="RateWindow"/>; null or 0 is unlimited.</summary>
    public int? Permits { get; set; }

    public TimeSpan? RateWindow { get; set; }
}

/// <summary>The night in China time when quiet channels hold their messages (default 22:00–07:30).</summary>
public sealed class QuietHoursOptions
{
    public TimeSpan Start { get; set; } = new(22, 0, 0);
    public TimeSpan End { get; set; } = new(7, 30, 0);
}

/// <summary>Durable retry of transient failures: exponential back-off from <see cref="InitialDelay"/>, capped at <see cref="MaxDelay"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts before a delivery that still fails becomes a dead letter (default: about three and a half hours in all).</summary>
    public int MaxAttempts { get; set; } = 12;
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);
}
