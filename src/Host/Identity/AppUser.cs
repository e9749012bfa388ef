using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>A person who signs in: county office, leaders, township staff, county departments' staff, template administrators.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The township a township-leader or township-staff user belongs to; null for county roles.</summary>
    public string? TownshipCode { get; set; }
    /// <summary>The county department a county-department user works for; null for every other role.</summary>
    public string? DepartmentCode { get; set; }
    // The mobile number (SMS, robots' mentions) is Identity's PhoneNumber; e-mail is Identity's Email.
    /// <summary>The person's WeCom (企业微信) user id, the 账号 in the WeCom address book; null when not on file.</summary>
    public string? WeComUserId { get; set; }
    /// <summary>The person's DingTalk (钉钉) userId in the organisation; null when not on file.</summary>
    public string? DingTalkUserId { get; set; }
}
