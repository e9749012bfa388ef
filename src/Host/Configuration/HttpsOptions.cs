namespace Shizhu.Host.Configuration;

/// <summary><c>Https</c>: HTTPS redirection and HSTS (on in production, off in the embedded demo).</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";
    public bool Redirect { get; set; }
    public bool Hsts { get; set; }
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
