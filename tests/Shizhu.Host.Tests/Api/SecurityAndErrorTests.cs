using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class SecurityAndErrorTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/inbox")]
    [InlineData("/api/workflows")]
    [InlineData("/api/townships")]
    [InlineData("/api/clock")]
    [InlineData("/openapi/v1.json")]
    public async Task EndpointsOtherThanHealthNeedAuthentication(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthAnswersWithoutAuthenticationAndIsReadyWithDatabaseAndBroker()
    {
        using var client = fixture.CreateClient();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordAnswersUnauthorizedWithAProblem()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = HostFixture.AdminUser, password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("用户名或密码错误。", (await response.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task StartingAWorkflowWithAnUnknownTrackNamesTheField()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/workflows", new { townshipCode = fixture.NextTownshipCode(), track = "provincial", startYear = 2030 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.NotNull(problem["errors"]!["track"]);
    }

    [Fact]
    public async Task AMalformedBodyIsABadRequestNotAServerError()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var content = new StringContent("{\"townshipCode\": \"500240105\", \"startYear\": \"soon\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/workflows", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["startYear"]);
    }

    [Fact]
    public async Task TownshipStaffCannotStartWorkflowsOrMoveTheClock()
    {
        var code = fixture.NextTownshipCode();
        var user = $"staff-{Guid.NewGuid():N}"[..14];
        await fixture.CreateUserAsync(user, "township-staff", code);
        using var staff = await fixture.LoginAsync(user, HostFixture.UserPassword);

        using var start = await staff.PostAsJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = 2030 });
        using var clock = await staff.PostAsJsonAsync("/api/admin/clock", new { advanceDays = 1 });
        using var alerts = await staff.GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clock.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alerts.StatusCode);
    }

    [Fact]
    public async Task ATownshipUserMustBelongToAnExistingTownship()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "nobody-" + Guid.NewGuid().ToString("N")[..6], password = HostFixture.UserPassword, displayName = "某人",
            roles = new[] { "township-staff" }, townshipCode = "999999999",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["townshipCode"]);
    }

    [Fact]
    public async Task TheClockIsSimulatedInTheTestHostAndOnlyMovesForward()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var clock = await admin.GetJsonAsync("/api/clock");
        Assert.Equal("simulated", clock.Str("mode"));

        using var back = await admin.PostAsJsonAsync("/api/admin/clock", new { to = "2021-01-01T00:00:00+08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
    }
}
