using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>The result of a password check: the user, or failure, or "too many attempts, retry after".</summary>
public sealed record SignInOutcome(AppUser? User, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome Failed = new(null, null);
}

/// <summary>
/// The one password check behind <c>/api/auth/login</c> and the sign-in form (ADR 0022). An unknown user name, a wrong
/// password, a locked or disabled account all answer the same and take the same work (a PBKDF2 check against a dummy
/// hash when there is no real one), so nobody learns which accounts exist. Attempts per user name are limited here;
/// attempts per address by the rate limiter in front of the endpoints.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher,
    TrustedAddresses trusted, SignInThrottle throttle)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? _dummyHash;

    public async Task<SignInOutcome> CheckAsync(string userName, string password, IPAddress? address)
    {
        var user = await users.FindByNameAsync(userName);
        var isTrusted = user is not null && trusted.IsTrusted(user.Id, address);
        if (!isTrusted && throttle.TryEnter(userName) is { } retryAfter) return new SignInOutcome(null, retryAfter);

        if (user is null || UserSessions.IsDisabled(user) || (!isTrusted && await users.IsLockedOutAsync(user)))
        {
            SpendAsMuchAsAPasswordCheck(password);
            return SignInOutcome.Failed;
        }
        if (isTrusted)
        {
            // From the user's own recent address the lockout does not apply: failures an attacker caused elsewhere
            // cannot keep them out. Their own wrong passwords are still limited by the per-address limiter.
            if (!await users.CheckPasswordAsync(user, password)) return SignInOutcome.Failed;
            await users.ResetAccessFailedCountAsync(user);
        }
        else if (!(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded)
        {
            return SignInOutcome.Failed;
        }
        trusted.Trust(user.Id, address);
        return new SignInOutcome(user, null);
    }

    private void SpendAsMuchAsAPasswordCheck(string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
