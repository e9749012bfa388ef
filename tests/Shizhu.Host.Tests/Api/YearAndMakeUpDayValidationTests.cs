using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// Two defects of issue 12: a start year of 1999 with a target of 1998 must be refused (not turned into 2000), and a
/// make-up working day (调休上班) must be a weekend day. Both answer 400 naming the field, in Chinese.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class YearAndMakeUpDayValidationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task AStartYearBefore2000IsRefusedNamingStartYearAndNoWorkflowStarts()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);

        using var response = await admin.PostAsJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = 1999, targetYear = 1998 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("创建起始年份必须在 2000—2100 之间。", problem["errors"]!["startYear"]![0]!.GetValue<string>());
        Assert.DoesNotContain((await admin.GetJsonAsync($"/api/workflows?townshipCode={code}")).Items(), w => w.Str("status") == "running");
    }

    [Fact]
    public async Task ATargetYearBeforeTheStartYearIsRefusedNamingTargetYear()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);

        using var response = await admin.PostAsJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = 2031, targetYear = 2030 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("目标年份不能早于起始年份，且最多晚 5 年。", problem["errors"]!["targetYear"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AMakeUpWorkingDayOnATuesdayIsRefusedWithAChineseReasonNamingTheDate()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        // 2096-01-03 is a Tuesday; 2096-01-01 (a Sunday) is the holiday itself.
        var entries = new[] { new { date = "2096-01-01", kind = "holiday", name = "元旦" }, new { date = "2096-01-03", kind = "makeup-workday", name = "元旦" } };

        using var response = await admin.PutAsJsonAsync("/api/calendar/2096", entries);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("第 2 项：2096-01-03 是星期二，本来就是工作日；调休上班只能设在星期六或星期日。",
            problem["errors"]!["[1].date"]![0]!.GetValue<string>());
        Assert.Empty((await admin.GetJsonAsync("/api/calendar/2096")).Items());
    }
}
