using System.Net;
using System.Net.Http.Json;
using System.Text;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 2: inputs that feed time or storage are bounded and refused with the field named, never a 500.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class InputBoundsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2101-01-01T00:00:00+08:00")]
    public async Task MovingTheClockPastTheCalendarsLastYearIsRefusedNamingToAndTheClockStaysUsable(string to)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var before = (await admin.GetJsonAsync("/api/clock")).Str("now");

        using var response = await admin.PostAsJsonAsync("/api/admin/clock", new { to });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["to"]);
        var after = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after < DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/workflows")).StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10000")]
    [InlineData("2147483647")]
    public async Task ACalendarYearOutsideTheSupportedYearsAnswersBadRequestNamingYear(string year)
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var read = await admin.GetAsync($"/api/calendar/{year}");
        using var write = await admin.PutAsJsonAsync($"/api/calendar/{year}", Array.Empty<object>());

        foreach (var response in new[] { read, write })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["year"]);
        }
    }

    [Fact]
    public async Task ANullCalendarEntryAnswersBadRequestAndLeavesTheYearAsItWas()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var before = (await admin.GetJsonAsync("/api/calendar/2099")).ToJsonString();
        using var content = new StringContent("[null]", Encoding.UTF8, "application/json");

        using var response = await admin.PutAsync("/api/calendar/2099", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["[0]"]);
        Assert.Equal(before, (await admin.GetJsonAsync("/api/calendar/2099")).ToJsonString());
    }
}
