using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>
/// Ends a user's sessions: a new security stamp makes every cookie (checked by Identity's security-stamp validator)
/// and every bearer token (checked by <see cref="BearerTokenCheck"/>) issued before it worthless.
/// </summary>
public sealed class UserSessions(UserManager<AppUser> users, BearerTokenCheck tokens)
{
    /// <summary>Sign-out ends every session of the user, in every browser and every API client.</summary>
    public async Task EndAllAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        tokens.Forget(user.Id);
    }

    /// <summary>Disables the account: it can no longer sign in, and its cookies and tokens stop working.</summary>
    public async Task DisableAsync(AppUser user)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await EndAllAsync(user);
    }

    /// <summary>A disabled account is locked out for good; a lockout after failed passwords ends within minutes.</summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;
}
