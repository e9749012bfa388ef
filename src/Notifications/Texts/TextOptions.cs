namespace Shizhu.Notifications.Texts;

/// <summary>How messages outside the app point back into it; bound from <c>Notifications</c>.</summary>
public sealed class TextOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The address people open the service at (e.g. <c>https://cjws.shizhu.gov.cn</c>): WeCom, DingTalk, SMS and mail
    /// messages link to the workflow page under it. Empty: messages carry no link.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
