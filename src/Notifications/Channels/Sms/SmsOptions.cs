using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>
/// SMS, bound from <c>Notifications:Sms</c>: which gateway, its credentials, the registered sign name and one approved
/// template per message kind. Each template's <see cref="SmsTemplate.Text"/> is the wording registered with the
/// provider, so the sender can count characters before sending; its variables are <c>${township}</c>,
/// <c>${subject}</c>, <c>${person}</c>, <c>${outcome}</c> and <c>${time}</c>.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    public bool Enabled { get; set; }

    /// <summary><c>Aliyun</c> (Alibaba Cloud SMS, dysmsapi 2017-05-25).</summary>
    public string Gateway { get; set; } = AliyunSmsGateway.GatewayName;

    public string BaseAddress { get; set; } = "https://dysmsapi.aliyuncs.com";

    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }
    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>The approved sign name (短信签名), shown as 【石柱县爱卫办】 before every message.</summary>
    public string? SignName { get; set; }

    /// <summary>At most this many segments (70 characters for one, 67 each when split) per message; longer subjects are shortened.</summary>
    public int MaxSegments { get; set; } = 2;

    /// <summary>One template per <see cref="MessageKind"/> name; a kind without one is not sent by SMS.</summary>
    public Dictionary<string, SmsTemplate> Templates { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>An approved SMS template: its code at the provider and its registered wording.</summary>
public sealed class SmsTemplate
{
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
}
