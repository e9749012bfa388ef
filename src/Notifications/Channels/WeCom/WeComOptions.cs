namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>
/// WeCom (企业微信), bound from <c>Notifications:WeCom</c>: a self-built application (自建应用: corp id, agent id and its
/// secret) sends messages to people by WeCom user id; a group robot (群机器人, its webhook key) posts into a work group.
/// Either or both; secrets only from configuration (environment variables in production).
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "Notifications:WeCom";

    public bool Enabled { get; set; }

    /// <summary>The API's address; tests and on-premises WeCom (私有化部署) point it elsewhere.</summary>
    public string BaseAddress { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>企业ID (我的企业 → 企业信息).</summary>
    public string? CorpId { get; set; }

    /// <summary>The application's AgentId (应用管理 → 自建应用).</summary>
    public int AgentId { get; set; }

    /// <summary>The application's Secret.</summary>
    public string? Secret { get; set; }

    /// <summary>The group robot's webhook key (the <c>key=</c> of its webhook address).</summary>
    public string? RobotKey { get; set; }

    public MessageFormat Format { get; set; } = MessageFormat.Markdown;

    public int TimeoutSeconds { get; set; } = 10;

    public bool ApplicationConfigured => !string.IsNullOrWhiteSpace(CorpId) && !string.IsNullOrWhiteSpace(Secret) && AgentId > 0;

    public bool RobotConfigured => !string.IsNullOrWhiteSpace(RobotKey);
}
