using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Shizhu.Host.Identity;

/// <summary>Puts the user's township, department and display name into the sign-in cookie, as the token service does for tokens.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ShizhuClaims.DisplayName, user.DisplayName));
        if (user.TownshipCode is not null) identity.AddClaim(new Claim(ShizhuClaims.TownshipCode, user.TownshipCode));
        if (user.DepartmentCode is not null) identity.AddClaim(new Claim(ShizhuClaims.DepartmentCode, user.DepartmentCode));
        return identity;
    }
}
