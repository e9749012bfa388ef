using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class CalendarApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCountyOfficeEntersANewYearsHolidaysAndEveryoneCanReadThem()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var entries = new[] { new { date = "2099-01-01", kind = "holiday", name = "元旦" }, new { date = "2099-01-04", kind = "makeup-workday", name = "元旦" } };

        using var put = await admin.PutAsJsonAsync("/api/calendar/2099", entries);
        var read = await admin.GetJsonAsync("/api/calendar/2099");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["2099-01-01", "2099-01-04"], read.Items().Select(d => d.Str("date")));
        Assert.Equal("makeup-workday", read[1]!.Str("kind"));
    }

    [Fact]
    public async Task ABadDayIsRefusedWithItsFieldAndStaffMayNotChangeTheCalendar()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var bad = await admin.PutAsJsonAsync("/api/calendar/2098", new[] { new { date = "2098-02-30", kind = "holiday", name = "春节" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadJsonAsync())["errors"]!["[0].date"]);

        var code = fixture.NextTownshipCode();
        var user = $"cal-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", code);
        using var staff = await fixture.LoginAsync(user, HostFixture.UserPassword);
        using var forbidden = await staff.PutAsJsonAsync("/api/calendar/2098", Array.Empty<object>());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
