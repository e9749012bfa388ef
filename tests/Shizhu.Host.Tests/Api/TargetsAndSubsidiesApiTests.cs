using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>Titles held, the target sheet and the subsidy ledger over HTTP: who may do what, and the refusals' problem documents.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TargetsAndSubsidiesApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>中益乡: a national-track unit (not among the fixture's scenario townships) already holding the Chongqing title; no other test records it.</summary>
    private const string Zhongyi = "500240213";

    [Fact]
    public async Task TheCountyOfficeRecordsATitleOnceAndATownshipCannotWhileReadingOnlyItsOwn()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/titles", new { townshipCode = Zhongyi, title = "municipal", year = 2018, documentNumber = "渝爱卫〔2018〕3号" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var title = await created.ReadJsonAsync();
        Assert.Equal($"/api/titles/{title.Str("id")}", created.Headers.Location!.OriginalString);
        Assert.Equal(("中益乡", "重庆市卫生乡镇", "recorded"), (title.Str("townshipName"), title.Str("titleName"), title.Str("source")));
        Assert.Equal("渝爱卫〔2018〕3号", (await admin.GetJsonAsync(created.Headers.Location!.OriginalString)).Str("documentNumber"));

        using var twice = await admin.PostAsJsonAsync("/api/titles", new { townshipCode = Zhongyi, title = "municipal", year = 2019, documentNumber = "x" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var badYear = await admin.PostAsJsonAsync("/api/titles", new { townshipCode = Zhongyi, title = "national", year = 2999, documentNumber = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("命名年份", (await badYear.ReadJsonAsync())["errors"]!["year"]![0]!.GetValue<string>());
        using var noReason = await admin.PostAsJsonAsync($"/api/titles/{title.Str("id")}/revoke", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadJsonAsync())["errors"]!["reason"]);

        var code = fixture.NextTownshipCode();
        var user = $"ttl-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", code);
        using var staff = await fixture.LoginAsync(user, HostFixture.UserPassword);
        using var forbidden = await staff.PostAsJsonAsync("/api/titles", new { townshipCode = code, title = "municipal", year = 2019, documentNumber = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.All((await staff.GetJsonAsync("/api/titles")).Items(), t => Assert.Equal(code, t.Str("townshipCode")));
        using var notTheirs = await staff.GetAsync($"/api/titles/{title.Str("id")}");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Contains((await admin.GetJsonAsync("/api/titles")).Items(), t => t.Str("townshipCode") == Zhongyi);
    }

    [Fact]
    public async Task TheTargetSheetIsTheCountysAndATownshipIsRefusedIt()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var sheet = await admin.GetJsonAsync("/api/targets?year=2026");
        Assert.Equal((2026, 33), (sheet["year"]!.GetValue<int>(), sheet["unitCount"]!.GetValue<int>()));
        Assert.Equal(["national-titles", "municipal-titles", "national-standard", "municipal-standard"], sheet["targets"]!.Items().Select(t => t.Str("key")));

        using var finance = await fixture.LoginAsync("county-finance", HostFixture.UserPassword);
        using var financeRead = await finance.GetAsync("/api/targets?year=2026");
        Assert.Equal(HttpStatusCode.OK, financeRead.StatusCode);
        using var badYear = await admin.GetAsync("/api/targets?year=1900");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.NotNull((await badYear.ReadJsonAsync())["errors"]!["year"]);

        var user = $"tgt-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", fixture.NextTownshipCode());
        using var staff = await fixture.LoginAsync(user, HostFixture.UserPassword);
        using var refused = await staff.GetAsync("/api/targets");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task OnlyCountyFinanceConfirmsAPaymentOnceAndNotBeforeItIsDueWhileATownshipSeesOnlyItsOwn()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            var (instalmentId, dueOn) = await SubsidyRows.RecordFirstInstalmentAsync(fixture, scenario);
            using var admin = await fixture.LoginAsAdminAsync();
            using var finance = await fixture.LoginAsync("county-finance", HostFixture.UserPassword);
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            var confirm = $"/api/subsidies/{instalmentId}/confirm";

            var own = await staff.GetJsonAsync("/api/subsidies");
            Assert.All(own["instalments"]!.Items(), l => Assert.Equal(scenario.TownshipCode, l.Str("townshipCode")));
            Assert.Contains(own["instalments"]!.Items(), l => l.Str("id") == instalmentId.ToString());
            var other = scenario.TownshipCode == "500240101" ? "500240103" : "500240101";
            using var otherTownship = await staff.GetAsync($"/api/subsidies?townshipCode={other}");
            Assert.Equal(HttpStatusCode.Forbidden, otherTownship.StatusCode);

            using var byAdmin = await admin.PostAsJsonAsync(confirm, new { paidOn = $"{dueOn:yyyy-MM-dd}", voucherNumber = "记-1" });
            Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
            using var early = await finance.PostAsJsonAsync(confirm, new { paidOn = $"{dueOn.AddDays(-1):yyyy-MM-dd}", voucherNumber = "记-1" });
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("到期日", (await early.ReadJsonAsync())["errors"]!["paidOn"]![0]!.GetValue<string>());

            using var paid = await finance.PostAsJsonAsync(confirm, new { paidOn = $"{dueOn:yyyy-MM-dd}", voucherNumber = "记-2023-0001" });
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            Assert.Equal("记-2023-0001", (await paid.ReadJsonAsync()).Str("voucherNumber"));
            using var twice = await finance.PostAsJsonAsync(confirm, new { paidOn = $"{dueOn:yyyy-MM-dd}", voucherNumber = "记-2023-0002" });
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("不能重复确认", (await twice.ReadJsonAsync()).Str("detail"));

            var township = (await finance.GetJsonAsync($"/api/subsidies?townshipCode={scenario.TownshipCode}"))["byTownship"]!.Items().Single();
            Assert.Equal((400_000m, 400_000m, 0m), (township["due"]!.GetValue<decimal>(), township["paid"]!.GetValue<decimal>(), township["outstanding"]!.GetValue<decimal>()));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }
}
