namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The delivery log (留痕): one row per event, channel and recipient address. Unique on those three, so a
/// message once sent to an address is never sent to it again, whatever redelivery or retry happens.
/// </summary>
public sealed class Delivery
{
    public long Id { get; init; }
    public required Guid EventId { get; init; }
    public required string Channel { get; init; }
    public required string Recipient { get; init; }
    public DeliveryStatus Status { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset At { get; set; }
}
