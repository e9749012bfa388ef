using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// Issue 10, item 4: a foreign site's plain form post carries the UI cookie but no antiforgery token and no bearer
/// token. The API's state changes must refuse it; sign-out must ask for the token.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class CrossSiteRequestTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/workflows/{guid}/resume")]
    [InlineData("/api/notifications/{guid}/read")]
    [InlineData("/api/templates/no-such-template/versions/1/validate")]
    [InlineData("/api/templates/no-such-template/versions/1/publish")]
    [InlineData("/api/templates/no-such-template/versions/1/retire")]
    [InlineData("/api/incidents/{guid}/retry")]
    [InlineData("/api/tasks/{guid}/claim")]
    [InlineData("/api/tasks/{guid}/release")]
    public async Task ACrossSiteFormPostWithTheUiCookieIsRefusedByTheApi(string route)
    {
        using var admin = await CookieSession.SignInAsync(fixture.BaseAddress, HostFixture.AdminUser, HostFixture.AdminPassword);
        using var read = await admin.Client.GetAsync("/api/townships");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode); // the cookie itself is good: reads go on working

        using var response = await admin.Client.SendAsync(CrossSiteFormPost(route.Replace("{guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ACrossSiteClaimLeavesTheTaskUnclaimed()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await CookieSession.SignInAsync(fixture.BaseAddress, scenario.StaffUser, HostFixture.UserPassword);
        using var api = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = (await api.GetJsonAsync("/api/inbox")).Items().First().Str("id");

        using var response = await staff.Client.SendAsync(CrossSiteFormPost($"/api/tasks/{taskId}/claim"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null((await api.GetJsonAsync($"/api/tasks/{taskId}"))["assignee"]);
        using var admin = await fixture.LoginAsAdminAsync();
        using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "test done" });
    }

    [Fact]
    public async Task SignOutWithoutTheAntiforgeryTokenIsRefusedAndTheSessionGoesOn()
    {
        using var admin = await CookieSession.SignInAsync(fixture.BaseAddress, HostFixture.AdminUser, HostFixture.AdminPassword);

        using var logout = await admin.Client.SendAsync(CrossSiteFormPost("/account/logout"));
        using var after = await admin.Client.GetAsync("/api/townships");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ASignInPostWithoutTheFormsAntiforgeryTokenIsRefusedAndSignsNobodyIn()
    {
        using var session = await CookieSession.SignInAsync(fixture.BaseAddress, HostFixture.AdminUser, HostFixture.AdminPassword);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        var credentials = new Dictionary<string, string> { ["userName"] = HostFixture.AdminUser, ["password"] = HostFixture.AdminPassword, ["returnUrl"] = "/" };

        using var noToken = await client.PostAsync("/account/login", new FormUrlEncodedContent(credentials));
        using var json = await client.PostAsync("/account/login", JsonContent.Create(credentials));
        // The form's token sent as a header (what a script could do) passes the check, but a JSON body is still no sign-in form.
        using var jsonWithToken = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = JsonContent.Create(credentials) };
        jsonWithToken.Headers.Add("RequestVerificationToken", await session.FormTokenAsync());
        jsonWithToken.Headers.Add("Cookie", session.CookieHeader);
        using var notAForm = await client.SendAsync(jsonWithToken);

        foreach (var refused in new[] { noToken, json })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("请求缺少有效的防伪令牌，请刷新页面后重试。", (await refused.ReadJsonAsync()).Str("detail"));
            Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("shizhu.auth=", StringComparison.Ordinal)));
        }
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal("请在登录页填写用户名和密码后提交。", (await notAForm.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task TheApiStillTakesStateChangesWithABearerToken()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var response = await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>What an attacker's page can make a browser send: a urlencoded form, its own Origin, the site's cookie.</summary>
    private static HttpRequestMessage CrossSiteFormPost(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "csrf" }),
        };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Referrer = new Uri("https://attacker.example/page.html");
        return request;
    }
}
