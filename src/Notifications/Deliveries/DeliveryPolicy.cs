using Microsoft.Extensions.Options;
using Shizhu.Notifications.Email;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The county office's rules read as answers: is a channel on, may it carry a kind, is it on by default for a person,
/// must it wait for the morning. Read on every use, so a changed configuration applies without a restart.
/// </summary>
public sealed class DeliveryPolicy(IOptionsMonitor<DeliveryOptions> options, IOptionsMonitor<EmailOptions> email)
{
    /// <summary>China Standard Time has no daylight saving: a fixed offset needs no time-zone data on the server.</summary>
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    ChannelPolicyOptions For(string channel) =>
        options.CurrentValue.Channels.TryGetValue(channel, out var o) ? o : new ChannelPolicyOptions();

    /// <summary>
    /// E-mail follows <c>Notifications:Email:Enabled</c>; any other channel is on once its sender is installed (its
    /// provider section enabled, see <c>OutboundChannels</c>) — the pipeline only asks about installed channels — unless
    /// <c>Notifications:Delivery:Channels:&lt;channel&gt;:Enabled=false</c> pauses it.
    /// </summary>
    public bool IsEnabled(string channel) =>
        For(channel).Enabled ?? (channel != Channels.Email || email.CurrentValue.Enabled);

    public bool IsAllowed(string channel, MessageKind kind) =>
        (For(channel).AllowedKinds ?? ChannelDefaults.AllowedKinds(channel)).Contains(kind);

    public bool IsOnByDefault(string channel, MessageKind kind) =>
        (For(channel).DefaultKinds ?? ChannelDefaults.DefaultKinds(channel)).Contains(kind);

    public (int Permits, TimeSpan Window)? RateLimit(string channel)
    {
        var o = For(channel);
        var fallback = ChannelDefaults.RateLimit(channel);
        var permits = o.Permits ?? fallback?.Permits ?? 0;
        return permits <= 0 ? null : (permits, o.RateWindow ?? fallback?.Window ?? TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// When a quiet channel may next send <paramref name="kind"/>: null if it may now (daytime, a channel that is never
    /// quiet, or an escalation, which must reach a leader at any hour), else the end of tonight's quiet hours.
    /// </summary>
    public DateTimeOffset? QuietUntil(string channel, MessageKind kind, DateTimeOffset now)
    {
        if (kind == MessageKind.Escalation || !(For(channel).QuietHours ?? ChannelDefaults.QuietHours(channel)))
            return null;

        var quiet = options.CurrentValue.QuietHours;
        var local = now.ToOffset(ChinaOffset);
        var timeOfDay = local.TimeOfDay;
        var crossesMidnight = quiet.Start > quiet.End;
        var inside = crossesMidnight
            ? timeOfDay >= quiet.Start || timeOfDay < quiet.End
            : timeOfDay >= quiet.Start && timeOfDay < quiet.End;
        if (!inside)
            return null;

        var endDay = crossesMidnight && timeOfDay >= quiet.Start ? local.Date.AddDays(1) : local.Date;
        return new DateTimeOffset(endDay + quiet.End, ChinaOffset).ToUniversalTime();
    }

    public RetryOptions Retry => options.CurrentValue.Retry;
    public TimeSpan AttemptLease => options.CurrentValue.AttemptLease;
    public int MaxBatch => Math.Max(1, options.CurrentValue.MaxBatch);

    /// <summary>The pause before attempt <paramref name="attempts"/>+1: doubling from the initial delay up to the cap, or longer if the provider asked.</summary>
    public TimeSpan BackOff(int attempts, TimeSpan? retryAfter)
    {
        var retry = Retry;
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var delay = TimeSpan.FromTicks(Math.Min(retry.InitialDelay.Ticks * (1L << exponent), retry.MaxDelay.Ticks));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
