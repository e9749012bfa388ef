using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Identity;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 5 (sessions): sign-out and disabling a user end cookies and bearer tokens issued before.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class SessionEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ACookieCapturedBeforeSignOutNoLongerWorksAfterIt()
    {
        var user = await NewUserAsync();
        using var session = await CookieSession.SignInAsync(fixture.BaseAddress, user, HostFixture.UserPassword);
        var captured = session.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await Replay(captured)).StatusCode);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await session.FormTokenAsync() }),
        };
        using var loggedOut = await session.Client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(captured)).StatusCode);
    }

    [Fact]
    public async Task SigningOutInTheUiAlsoRevokesTheUsersBearerTokens()
    {
        var user = await NewUserAsync();
        using var api = await fixture.LoginAsync(user, HostFixture.UserPassword);
        using var session = await CookieSession.SignInAsync(fixture.BaseAddress, user, HostFixture.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/inbox")).StatusCode);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await session.FormTokenAsync() }),
        };
        using var _ = await session.Client.SendAsync(logout);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/inbox")).StatusCode);
    }

    [Fact]
    public async Task ADisabledUserLosesTheirTokenAndCookieAndCannotSignInAgain()
    {
        var user = await NewUserAsync();
        using var api = await fixture.LoginAsync(user, HostFixture.UserPassword);
        using var session = await CookieSession.SignInAsync(fixture.BaseAddress, user, HostFixture.UserPassword);
        var captured = session.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/inbox")).StatusCode);

        using (var admin = await fixture.LoginAsAdminAsync())
        using (var disabled = await admin.PostAsync($"/api/users/{user}/disable", content: null))
            Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(captured)).StatusCode);
        using var client = fixture.CreateClient();
        using var again = await client.PostAsync("/api/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { userName = user, password = HostFixture.UserPassword }));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    private async Task<string> NewUserAsync()
    {
        var user = $"session-{Guid.NewGuid():N}"[..16];
        await fixture.CreateUserAsync(user, "county-leader", null);
        return user;
    }

    /// <summary>The captured cookie sent from a fresh client, as someone who copied it would.</summary>
    private async Task<HttpResponseMessage> Replay(string cookieHeader)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inbox");
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }
}
