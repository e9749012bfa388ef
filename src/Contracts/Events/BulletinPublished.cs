namespace Shizhu.Workflows.Events;

/// <summary>The county office published a supervision bulletin (督查通报) with its number: every township hears of it.</summary>
public sealed record BulletinPublished(
    Guid EventId, DateTimeOffset OccurredAt, Guid BulletinId, string Number, string Title, string Actor, string? ActorName = null);
