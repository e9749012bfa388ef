using System.Security.Cryptography;
using System.Text;

namespace Shizhu.Host.Telemetry;

/// <summary>Lets a request through only with <c>Authorization: Bearer {scrape token}</c> (constant-time compare); else 401.</summary>
internal sealed class ScrapeTokenGuard(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var sent = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        if (CryptographicOperations.FixedTimeEquals(sent, _expected)) return next(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
