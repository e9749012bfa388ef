namespace Shizhu.Host.Configuration;

/// <summary><c>Auth</c>: bearer tokens for the HTTP API and how long a sign-in is trusted. The signing key comes from configuration only.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "shizhu-workflows";
    public string Audience { get; set; } = "shizhu-workflows-api";
    /// <summary>HMAC-SHA256 key, at least 32 characters of some variety (see <see cref="SigningKeyStrength"/>).</summary>
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>
    /// How long a cookie's security stamp is trusted before the user store is asked again. Zero: on every request, so a
    /// cookie captured before sign-out is refused at once (one indexed user lookup per page or API call).
    /// </summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.Zero;
    /// <summary>
    /// How long a bearer token's user check is cached on a replica. A user disabled or signed out elsewhere loses API
    /// access within this time (at once on the replica that made the change).
    /// </summary>
    public TimeSpan TokenRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
