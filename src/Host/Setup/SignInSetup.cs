using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;

namespace Shizhu.Host.Setup;

/// <summary>
/// Sign-in throttling (ADR 0022): ASP.NET Core's rate limiter allows <c>SignIn:PermitsPerIp</c> attempts per client
/// address and window on both sign-in endpoints and answers 429 with <c>Retry-After</c>; <see cref="SignInThrottle"/>
/// limits attempts per user name; Identity's lockout is short and skipped from the user's own recent address.
/// </summary>
public static class SignInSetup
{
    public const string RateLimitPolicy = "sign-in";
    public const string TooManyAttemptsText = "尝试次数过多，请稍后再试。";

    public static void AddSignIn(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SignInLimits.Section);
        builder.Services.Configure<SignInLimits>(section);
        var settings = section.Get<SignInLimits>() ?? new SignInLimits();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<TrustedAddresses>();
        builder.Services.AddSingleton<BearerTokenCheck>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<UserSessions>();

        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitsPerIp, Window = settings.Window, QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                SetRetryAfter(context.HttpContext, retryAfter);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Results.Problem(TooManyAttemptsText, statusCode: StatusCodes.Status429TooManyRequests, title: "尝试次数过多")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary><c>Retry-After</c> in whole seconds, rounded up.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
