namespace Shizhu.Notifications.Deliveries;

public enum DeliveryStatus
{
    /// <summary>An attempt is under way (or was cut off: the sweep takes it up when its lease ends).</summary>
    Sending,
    Sent,
    /// <summary>The provider failed transiently; the sweep tries again at <see cref="Delivery.NextAttemptAt"/>.</summary>
    Retrying,
    /// <summary>Waiting for the end of quiet hours or of the channel's rate window; released by the sweep, batched per recipient.</summary>
    Held,
    /// <summary>Refused for good by the provider, or still failing after the last attempt: only an administrator's resend tries again.</summary>
    DeadLetter,
}
