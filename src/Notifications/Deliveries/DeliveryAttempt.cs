namespace Shizhu.Notifications.Deliveries;

/// <summary>One attempt at a delivery (or an administrator's resend of it): when, what the provider said, how it ended.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }
    public long DeliveryId { get; init; }
    public DateTimeOffset At { get; init; }
    public AttemptOutcome Outcome { get; init; }
    public string? ProviderAnswer { get; init; }

    /// <summary>How many deliveries went out in the same message (more than one when batched for one recipient).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>The administrator's user name on a resend; null for the pipeline's own attempts.</summary>
    public string? Actor { get; init; }
}

public enum AttemptOutcome
{
    Sent,
    TransientFailure,
    PermanentFailure,
    ResendRequested,
}
