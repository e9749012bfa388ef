using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Identity;

/// <summary>
/// Addresses a user has recently signed in from successfully. Sign-ins from them skip the lockout and the per-user
/// limit, so failures an attacker causes from elsewhere cannot keep the user out (ADR 0022). Kept per replica in
/// memory: after a restart a user's first sign-in is judged like anyone's, which only costs them the short lockout.
/// </summary>
public sealed class TrustedAddresses(IMemoryCache cache, IOptions<SignInLimits> options)
{
    public bool IsTrusted(string userId, IPAddress? address) =>
        address is not null && cache.TryGetValue(Key(userId, address), out _);

    public void Trust(string userId, IPAddress? address)
    {
        if (address is null) return;
        cache.Set(Key(userId, address), true, options.Value.TrustedAddressFor);
    }

    private static string Key(string userId, IPAddress address) => $"trusted-address:{userId}:{address}";
}
