namespace Shizhu.Notifications.Idempotency;

/// <summary>
/// A consumer has done its work for an event. Written in the same SaveChanges as that work, so a
/// redelivered event (at-least-once delivery) finds it and does nothing.
/// </summary>
public sealed class ProcessedEvent
{
    public required string Consumer { get; init; }
    public required Guid EventId { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }
}
