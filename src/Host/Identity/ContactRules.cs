using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Shizhu.Host.Identity;

/// <summary>
/// What a person's contact details must look like before the channels use them: a mainland mobile number (the SMS
/// gateways and robots take no other), an e-mail address, WeCom and DingTalk user ids as their address books write
/// them. Errors name the field, in Chinese, for the API's problem documents and the profile page alike.
/// </summary>
public static partial class ContactRules
{
    public const int MaxUserIdLength = 64;

    public sealed record ContactDetails(string? Email, string? Mobile, string? WeComUserId, string? DingTalkUserId)
    {
        /// <summary>Blank fields become null (nothing on file); the rest trimmed.</summary>
        public ContactDetails Normalised() => new(Clean(Email), Clean(Mobile), Clean(WeComUserId), Clean(DingTalkUserId));

        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static Dictionary<string, string[]> Check(ContactDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        if (details.Mobile is { } mobile && !Mobile().IsMatch(mobile))
            errors["mobile"] = ["手机号码应为11位中国大陆手机号码，以1开头、第二位为3至9，例如 13912345678。"];
        if (details.Email is { } email && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors["email"] = ["电子邮箱格式不正确，例如 zhangsan@shizhu.gov.cn。"];
        if (details.WeComUserId is { } weCom && !WeComUserId().IsMatch(weCom))
            errors["weComUserId"] = [$"企业微信账号只能包含字母、数字和 _ - @ . ，不超过{MaxUserIdLength}个字符（见企业微信通讯录中的“账号”）。"];
        if (details.DingTalkUserId is { } dingTalk && !DingTalkUserId().IsMatch(dingTalk))
            errors["dingTalkUserId"] = [$"钉钉用户ID只能包含字母、数字和 _ - ，不超过{MaxUserIdLength}个字符（见钉钉管理后台通讯录中的 userId）。"];
        return errors;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[A-Za-z0-9_\-@.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex WeComUserId();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DingTalkUserId();
}
