using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>WeCom's global error codes (全局错误码) that the senders treat differently from a plain refusal.</summary>
internal static class WeComErrors
{
    public const int SystemBusy = -1;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int FrequencyLimit = 45009;
    public const int ConcurrencyLimit = 45033;

    public static bool IsTokenRejected(int errcode) => errcode is InvalidAccessToken or AccessTokenExpired;

    /// <summary>
    /// Busy and rate limits are worth retrying (a robot takes 20 messages a minute, so a minute's wait); every other
    /// code — bad secret, unknown user, IP not allowed, content refused — will not change by sending again.
    /// </summary>
    public static SendResult Classify(int errcode, string answer) => errcode switch
    {
        0 => SendResult.Sent(answer),
        SystemBusy or ConcurrencyLimit => SendResult.Transient(answer),
        FrequencyLimit => SendResult.Transient(answer, TimeSpan.FromMinutes(1)),
        _ => SendResult.Permanent(answer),
    };
}
