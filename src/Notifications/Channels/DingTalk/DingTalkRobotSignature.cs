using System.Security.Cryptography;
using System.Text;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>
/// A custom robot's 加签: <c>sign = UrlEncode(Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))</c> with the
/// timestamp in milliseconds, which DingTalk accepts for an hour.
/// </summary>
public static class DingTalkRobotSignature
{
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var toSign = $"{timestampMilliseconds}\n{secret}";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign));
        return Convert.ToBase64String(mac);
    }
}
