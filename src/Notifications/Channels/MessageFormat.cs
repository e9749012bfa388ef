namespace Shizhu.Notifications.Outbound;

/// <summary>How a WeCom or DingTalk message is shown: markdown (heading, link) or plain text (also where markdown is not rendered, e.g. WeChat).</summary>
public enum MessageFormat
{
    Markdown,
    Text,
}
