namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The channels a notification is delivered through, named as stored in the delivery log and in the processed-events
/// log (one idempotency mark per channel and event). WeCom, DingTalk and SMS join here when they are built.
/// </summary>
public static class Channels
{
    public const string InApp = "in-app";
    public const string Email = "email";
}
