using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>The Chinese words people read for channels, kinds and delivery statuses (glossary: ../shared/docs/domain.md).</summary>
public static class DeliveryNames
{
    public static string Channel(string channel) => channel.ToLowerInvariant() switch
    {
        Channels.InApp => "站内通知",
        Channels.Email => "电子邮件",
        Channels.WeCom => "企业微信",
        Channels.WeComRobot => "企业微信群机器人",
        Channels.DingTalk => "钉钉",
        Channels.DingTalkRobot => "钉钉群机器人",
        Channels.Sms => "短信",
        _ => channel,
    };

    public static string Kind(MessageKind kind) => kind switch
    {
        MessageKind.Progress => "工作进展",
        MessageKind.TaskAssigned => "任务交办",
        MessageKind.Reminder => "到期提醒",
        MessageKind.Overdue => "逾期通知",
        MessageKind.Escalation => "升级督办",
        MessageKind.Urge => "催办",
        MessageKind.Bulletin => "通知公告",
        MessageKind.Digest => "汇总消息",
        MessageKind.Incident => "流程异常",
        _ => kind.ToString(),
    };

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sending => "发送中",
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Retrying => "等待重试",
        DeliveryStatus.Held => "暂缓发送",
        DeliveryStatus.DeadLetter => "投递失败",
        _ => status.ToString(),
    };

    public static string Hold(string? reason) => reason switch
    {
        HoldReasons.QuietHours => "免打扰时段",
        HoldReasons.RateLimit => "发送频率限制",
        _ => "",
    };
}
