using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>DingTalk's error codes that the senders treat differently from a plain refusal.</summary>
internal static class DingTalkErrors
{
    public const int SystemBusy = -1;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    /// <summary>A robot sent more than 20 messages in a minute (send too fast); it is muted for a while.</summary>
    public const int RobotTooFast = 130101;
    /// <summary>The newer code for the same robot limit.</summary>
    public const int RobotTooFastNew = 410100;
    /// <summary>Keyword, signature or IP allow-list mismatch (关键词/加签/IP地址段): configuration, not chance.</summary>
    public const int RobotSecurityMismatch = 310000;
    /// <summary>An application's API call limit (接口调用超过限流).</summary>
    public const int ApiTooFast = 90018;

    public static bool IsTokenRejected(int errcode) => errcode is InvalidAccessToken or AccessTokenExpired;

    public static SendResult Classify(int errcode, string answer) => errcode switch
    {
        0 => SendResult.Sent(answer),
        SystemBusy => SendResult.Transient(answer),
        // DingTalk mutes a robot for about ten minutes after its 20-a-minute limit.
        RobotTooFast or RobotTooFastNew => SendResult.Transient(answer, TimeSpan.FromMinutes(10)),
        ApiTooFast => SendResult.Transient(answer, TimeSpan.FromMinutes(1)),
        _ => SendResult.Permanent(answer),
    };
}
