using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>目标 and 补助台账 in a real Chromium, their figures checked against the API the same moment.</summary>
[Trait("Category", "Browser")]
public sealed class TargetsAndSubsidiesBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    /// <summary>悦崃镇: a national-track unit (not among the fixture's scenario townships) already holding the Chongqing title; no other test records it.</summary>
    private const string Yuelai = "500240103";

    [Fact]
    public async Task TheTargetSheetShowsEachTargetsCountAsTheApiDoesWithARecordedTitleBehindTheChongqingStandard()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        (await admin.PostAsJsonAsync("/api/titles", new { townshipCode = Yuelai, title = "municipal", year = 2017, documentNumber = "渝爱卫〔2017〕8号" }))
            .EnsureSuccessStatusCode();
        var sheet = await admin.GetJsonAsync("/api/targets?year=2026");

        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TheTargetSheetShowsEachTargetsCountAsTheApiDoesWithARecordedTitleBehindTheChongqingStandard), async page =>
        {
            await browser.SignInAsync("/targets?year=2026", HostFixture.AdminUser, HostFixture.AdminPassword);
            await Expect(page.GetByTestId("targets-units")).ToHaveTextAsync("33");
            foreach (var target in sheet["targets"]!.Items())
            {
                var row = page.Locator($"[data-testid=target-row][data-key='{target.Str("key")}']");
                await Expect(row.GetByTestId("target-required")).ToHaveTextAsync(target["required"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
                await Expect(row.GetByTestId("target-achieved")).ToHaveTextAsync(target["achieved"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
                await Expect(row.GetByTestId("target-status")).ToHaveTextAsync(target.Str("statusName"));
            }
            await Expect(page.Locator("[data-testid=target-row][data-key='municipal-standard']").GetByTestId("target-townships"))
                .ToContainTextAsync("悦崃镇（2017，登记）");
            await browser.ScreenshotAsync("targets-page");

            await page.GetByTestId("nav-titles").ClickAsync();
            await Expect(page.GetByTestId("title-row").Filter(new() { HasText = "悦崃镇" })).ToContainTextAsync("渝爱卫〔2017〕8号");
        });
    }

    [Fact]
    public async Task CountyFinanceSeesTheLedgersTotalsAsTheApiDoesAndConfirmsAPaymentWithItsVoucher()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            var (id, dueOn) = await SubsidyRows.RecordFirstInstalmentAsync(fixture, scenario, 320_000m);
            using var finance = await fixture.LoginAsync("county-finance", HostFixture.UserPassword);
            var ledger = await finance.GetJsonAsync("/api/subsidies");

            await using var browser = await BrowserSession.StartAsync(fixture, output);
            await browser.RunAsync(nameof(CountyFinanceSeesTheLedgersTotalsAsTheApiDoesAndConfirmsAPaymentWithItsVoucher), async page =>
            {
                await browser.SignInAsync("/subsidies", "county-finance", HostFixture.UserPassword);
                await Expect(page.GetByTestId("subsidies-total-due")).ToHaveTextAsync(Money(ledger["total"]!["due"]!.GetValue<decimal>()));
                await Expect(page.GetByTestId("subsidies-total-outstanding")).ToHaveTextAsync(Money(ledger["total"]!["outstanding"]!.GetValue<decimal>()));

                var row = page.Locator($"[data-testid=subsidy-row][data-id='{id}']");
                await Expect(row).ToContainTextAsync("通过市级暗访");
                await row.GetByTestId("confirm-start").ClickAsync();
                await page.GetByTestId("confirm-paid-on").FillAsync($"{dueOn.AddDays(-1):yyyy-MM-dd}");
                await page.GetByTestId("confirm-voucher").FillAsync("记-UI-0001");
                await page.GetByTestId("confirm-submit").ClickAsync();
                await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "拨付日期不能早于" })).ToBeVisibleAsync();
                await page.GetByTestId("confirm-paid-on").FillAsync($"{dueOn:yyyy-MM-dd}");
                await page.GetByTestId("confirm-submit").ClickAsync();
                await Expect(row).ToContainTextAsync("记-UI-0001");
                await browser.ScreenshotAsync("subsidies-page");
            });

            var line = (await finance.GetJsonAsync($"/api/subsidies?townshipCode={scenario.TownshipCode}"))["instalments"]!.Items()
                .Single(l => l.Str("id") == id.ToString());
            Assert.Equal(($"{dueOn:yyyy-MM-dd}", "记-UI-0001"), (line.Str("paidOn"), line.Str("voucherNumber")));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
