using System.Globalization;

namespace Shizhu.Notifications.Lists;

/// <summary>What narrows a person's notifications: unread only, and one workflow (a group of the grouped list).</summary>
public sealed record NotificationListFilter(bool UnreadOnly = false, Guid? WorkflowId = null)
{
    public static readonly NotificationListFilter None = new();

    public string Fingerprint => string.Create(CultureInfo.InvariantCulture, $"{UnreadOnly}|{WorkflowId:N}");
}
