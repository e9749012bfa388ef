namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>
/// DingTalk (钉钉), bound from <c>Notifications:DingTalk</c>: an internal application (企业内部应用: AppKey, AppSecret,
/// AgentId) sends work notifications (工作通知) to people by DingTalk user id; a group's custom robot (自定义机器人: its
/// access token and 加签 secret) posts into the group. Either or both; secrets only from configuration.
/// </summary>
public sealed class DingTalkOptions
{
    public const string Section = "Notifications:DingTalk";

    public bool Enabled { get; set; }

    public string BaseAddress { get; set; } = "https://oapi.dingtalk.com";

    public string? AppKey { get; set; }
    public string? AppSecret { get; set; }
    public long AgentId { get; set; }

    /// <summary>The <c>access_token=</c> of the robot's webhook address.</summary>
    public string? RobotAccessToken { get; set; }

    /// <summary>The robot's 加签 secret (starts with SEC); every call is signed with it.</summary>
    public string? RobotSecret { get; set; }

    public MessageFormat Format { get; set; } = MessageFormat.Markdown;

    public int TimeoutSeconds { get; set; } = 10;

    public bool ApplicationConfigured => !string.IsNullOrWhiteSpace(AppKey) && !string.IsNullOrWhiteSpace(AppSecret) && AgentId > 0;

    public bool RobotConfigured => !string.IsNullOrWhiteSpace(RobotAccessToken) && !string.IsNullOrWhiteSpace(RobotSecret);
}
