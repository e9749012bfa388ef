namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// The channels a notification is delivered through, named as stored in the delivery log and in the processed-events
/// log (one idempotency mark per channel and event).
/// </summary>
public static class Channels
{
    public const string InApp = "in-app";
    public const string Email = "email";
    /// <summary>WeCom (企业微信) application message to the person's WeCom user id.</summary>
    public const string WeCom = "wecom";
    /// <summary>A WeCom group robot (群机器人) posting into a work group, mentioning the person by mobile number.</summary>
    public const string WeComRobot = "wecom-robot";
    /// <summary>DingTalk (钉钉) work notification (工作通知) to the person's DingTalk user id.</summary>
    public const string DingTalk = "dingtalk";
    /// <summary>A DingTalk custom robot (自定义机器人) posting into a group, @-mentioning the person by mobile number.</summary>
    public const string DingTalkRobot = "dingtalk-robot";
    /// <summary>SMS through a Chinese SMS gateway (sign name + template code + parameters).</summary>
    public const string Sms = "sms";
}
