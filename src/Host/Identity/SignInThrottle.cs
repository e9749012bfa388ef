using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Identity;

/// <summary>
/// Sign-in attempts per user name (<see cref="SignInLimits.PermitsPerUser"/> per window, from all addresses together),
/// counted for unknown names too so the limit itself tells nothing. The user name is in the body, which the rate-limiting
/// middleware's partitioner cannot read, hence a limiter of our own beside it.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<SignInLimits> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(
            name.ToUpperInvariant(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitsPerUser, Window = settings.Window, QueueLimit = 0 }));
    }

    /// <summary>Null when the attempt may go ahead; else how long to wait.</summary>
    public TimeSpan? TryEnter(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
