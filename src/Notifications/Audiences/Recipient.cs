namespace Shizhu.Notifications.Audiences;

/// <summary>
/// One person an audience resolves to, with the addresses on file for the external channels (each null when none
/// is on file): e-mail, mobile number (SMS), WeCom user id, DingTalk user id.
/// </summary>
public sealed record Recipient(
    string UserName,
    string DisplayName,
    string? Email,
    string? Mobile = null,
    string? WeComUserId = null,
    string? DingTalkUserId = null);
