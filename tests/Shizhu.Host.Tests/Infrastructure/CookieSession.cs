using System.Net;
using System.Text.RegularExpressions;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A browser-like client without a browser: a cookie jar, no redirects followed, signed in through the sign-in form
/// (<c>/login</c> → <c>/account/login</c>) with the form's antiforgery token, as the UI does.
/// </summary>
public sealed partial class CookieSession : IDisposable
{
    private CookieSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }
    public HttpClient Client { get; }

    public static async Task<CookieSession> SignInAsync(Uri baseAddress, string userName, string password, Action<HttpRequestMessage>? decorate = null)
    {
        var session = new CookieSession(baseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = await session.FormTokenAsync(),
            }),
        };
        decorate?.Invoke(request);
        using var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return session;
    }

    /// <summary>The antiforgery token of the sign-in page's form, for the current user of this session.</summary>
    public async Task<string> FormTokenAsync()
    {
        var html = await Client.GetStringAsync("/login");
        return TokenInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
    }

    /// <summary>The cookie header this session sends, to replay it from another client.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(Client.BaseAddress!);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
