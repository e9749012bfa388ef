using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Identity;

/// <summary>
/// Revocation of bearer tokens: a token carries a hash of the user's security stamp at issue; on each request the
/// stamp is compared with the user store's, cached for <see cref="AuthOptions.TokenRevalidationInterval"/>. Signing out
/// or disabling a user changes the stamp, so their tokens stop working within that time (ADR 0022).
/// </summary>
public sealed class BearerTokenCheck(IMemoryCache cache, IServiceScopeFactory scopes, IOptions<AuthOptions> options)
{
    public const string StampClaim = "stamp";

    /// <summary>The stamp as the token carries it: a hash, so a token does not hand out the stamp itself.</summary>
    public static string Fingerprint(string? securityStamp) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? "")))[..22];

    public async Task<bool> IsCurrentAsync(string? userId, string? fingerprint)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(fingerprint)) return false;
        var current = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.TokenRevalidationInterval > TimeSpan.Zero ? options.Value.TokenRevalidationInterval : TimeSpan.FromTicks(1);
            await using var scope = scopes.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
            return user is null || UserSessions.IsDisabled(user) ? null : Fingerprint(user.SecurityStamp);
        });
        return current is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(current), Encoding.ASCII.GetBytes(fingerprint));
    }

    /// <summary>Drops this replica's cached stamp, so a change made here takes effect on the next request.</summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => $"bearer-stamp:{userId}";
}
