namespace Shizhu.Notifications.Deliveries;

/// <summary>Channel names as stored in the delivery log.</summary>
public static class Channels
{
    public const string Email = "email";
}
