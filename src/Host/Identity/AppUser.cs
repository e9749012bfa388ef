using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>A person who signs in: county office, leaders, township staff, template administrators.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The township a township-leader or township-staff user belongs to; null for county roles.</summary>
    public string? TownshipCode { get; set; }
}
