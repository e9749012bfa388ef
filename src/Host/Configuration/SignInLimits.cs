namespace Shizhu.Host.Configuration;

/// <summary><c>SignIn</c>: how often sign-in may be tried, and the lockout after failures (ADR 0022).</summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";
    /// <summary>Sign-in attempts one client IP address may make per <see cref="Window"/> (API and form together).</summary>
    public int PermitsPerIp { get; set; } = 20;
    /// <summary>Sign-in attempts for one user name per <see cref="Window"/>, from every address together.</summary>
    public int PermitsPerUser { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Failed passwords in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;
    /// <summary>Short on purpose: a lockout only slows guessing down; it must not become a way to keep someone out.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// After a successful sign-in from an address, that user's later sign-ins from the same address skip the lockout and
    /// the per-user limit for this long: an attacker elsewhere cannot lock the administrator out of their own desk.
    /// </summary>
    public TimeSpan TrustedAddressFor { get; set; } = TimeSpan.FromDays(30);
}
