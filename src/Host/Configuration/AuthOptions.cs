namespace Shizhu.Host.Configuration;

/// <summary><c>Auth</c>: bearer tokens for the HTTP API. The signing key comes from configuration only.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "shizhu-workflows";
    public string Audience { get; set; } = "shizhu-workflows-api";
    /// <summary>HMAC-SHA256 key, at least 32 characters.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
