using System.Diagnostics.Metrics;

namespace Shizhu.Notifications.Telemetry;

/// <summary>
/// The notifications' instruments (ADR 0043): events delivered per channel (in-app and each external channel, once per
/// event and channel), and the external channels' send attempts by outcome (sent, retrying, dead letter).
/// </summary>
public static class NotificationMetrics
{
    public const string MeterName = "Shizhu.Notifications";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "shizhu.notifications.events", unit: "{event}", description: "Events handed to a notification channel, by channel.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "shizhu.notifications.deliveries", unit: "{delivery}", description: "External deliveries attempted, by channel and resulting status.");

    public static void EventDelivered(string channel) => EventsDelivered.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void DeliveryAttempted(string channel, string status, int count) =>
        Deliveries.Add(count, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("status", status));
}
