using System.Net;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 6: every kind of response carries the security headers and no <c>Server</c> header.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class SecurityHeaderTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    public enum Caller { Anonymous, Bearer, Cookie }

    [Theory]
    [InlineData("/login", Caller.Anonymous, HttpStatusCode.OK)]                 // the UI's server-rendered page
    [InlineData("/inbox", Caller.Cookie, HttpStatusCode.OK)]                   // an interactive page
    [InlineData("/api/townships", Caller.Bearer, HttpStatusCode.OK)]           // the API
    [InlineData("/hangfire", Caller.Cookie, HttpStatusCode.OK)]                // the Hangfire dashboard
    [InlineData("/api/reference/v1", Caller.Cookie, HttpStatusCode.OK)]        // the reference page
    [InlineData("/openapi/v1.json", Caller.Bearer, HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", Caller.Anonymous, HttpStatusCode.OK)] // a static file
    [InlineData("/api/inbox", Caller.Anonymous, HttpStatusCode.Unauthorized)]  // an error
    [InlineData("/api/calendar/abc", Caller.Bearer, HttpStatusCode.NotFound)]  // another error
    [InlineData("/health/live", Caller.Anonymous, HttpStatusCode.OK)]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string path, Caller caller, HttpStatusCode expected)
    {
        using var response = await GetAsync(path, caller);

        Assert.Equal(expected, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Matches("script-src 'self'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"), "no Server header");
    }

    [Fact]
    public async Task PagesOfTheUiAllowNoInlineScripts()
    {
        using var response = await GetAsync("/login", Caller.Anonymous);
        var scripts = Header(response, "Content-Security-Policy").Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, Caller caller)
    {
        using var session = caller == Caller.Cookie
            ? await CookieSession.SignInAsync(fixture.BaseAddress, HostFixture.AdminUser, HostFixture.AdminPassword)
            : null;
        using var client = caller == Caller.Bearer ? await fixture.LoginAsAdminAsync() : fixture.CreateClient();
        var response = await (session?.Client ?? client).GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri}");
}
