namespace Shizhu.Notifications.Deliveries;

public enum DeliveryStatus
{
    Sent,
    Failed,
}
