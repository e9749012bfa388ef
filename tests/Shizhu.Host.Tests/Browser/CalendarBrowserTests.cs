using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>法定节假日日历 in a real Chromium: an administrator enters a year nobody has entered yet; other roles are refused.</summary>
[Trait("Category", "Browser")]
public sealed class CalendarBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    /// <summary>A year no other test touches (the API tests use 2098 and 2099).</summary>
    private const int Year = 2097;

    [Fact]
    public async Task AnAdministratorEntersANewYearsHolidaysAndMakeUpDayAndSavesThemThroughTheEngine()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        (await admin.PutAsJsonAsync($"/api/calendar/{Year}", Array.Empty<object>())).EnsureSuccessStatusCode();
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(AnAdministratorEntersANewYearsHolidaysAndMakeUpDayAndSavesThemThroughTheEngine), async page =>
        {
            await browser.SignInAsync($"/calendar/{Year}", HostFixture.AdminUser, HostFixture.AdminPassword);
            await Expect(page.GetByTestId("nav-calendar")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("year-empty")).ToContainTextAsync($"{Year} 年尚未录入法定节假日");

            // 1 January, a Tuesday, clicked in the month grid: a holiday by default; the name is required, in Chinese.
            await page.Locator("[data-testid=calendar-day][data-date='2097-01-01']").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("confirm-day").ClickAsync();
            await Expect(dialog).ToContainTextAsync("请填写节日名称。");
            await dialog.GetByTestId("day-name").FillAsync("元旦");
            await dialog.GetByTestId("confirm-day").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            // Saturday 5 January from 添加日期: a date already entered is refused, a weekend day is a make-up working day.
            await page.GetByTestId("add-day").ClickAsync();
            var date = dialog.GetByTestId("day-date");
            await date.FillAsync("2097-01-01");
            await date.PressAsync("Tab");
            await dialog.GetByTestId("day-name").FillAsync("元旦");
            await dialog.GetByTestId("confirm-day").ClickAsync();
            await Expect(dialog).ToContainTextAsync("2097-01-01 已在日历中");
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
            await page.Locator("[data-testid=calendar-day][data-date='2097-01-05']").ClickAsync();
            await dialog.GetByTestId("day-name").FillAsync("元旦");
            await dialog.GetByTestId("confirm-day").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await Expect(page.GetByTestId("calendar-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=calendar-day][data-date='2097-01-05']")).ToHaveAttributeAsync("data-kind", "makeup-workday");

            // Leaving the year with unsaved edits asks first; 继续编辑 keeps them.
            await page.GetByTestId("next-year").ClickAsync();
            await Expect(dialog).ToContainTextAsync("2097 年的修改尚未保存");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "继续编辑" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/calendar/{Year}$"));
            await Expect(page.GetByTestId("calendar-row")).ToHaveCountAsync(2);
            await page.GetByTestId("save-calendar").ClickAsync();

            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"已保存 {Year} 年：放假 1 天，调休上班 1 天。" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("year-empty")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("calendar-page");
        });

        var saved = (await admin.GetJsonAsync($"/api/calendar/{Year}")).Items()
            .Select(d => (d.Str("date"), d.Str("kind"), d.Str("name"))).ToList();
        Assert.Equal([("2097-01-01", "holiday", "元旦"), ("2097-01-05", "makeup-workday", "元旦")], saved);
    }

    [Fact]
    public async Task TownshipStaffAreRefusedTheCalendarPageAndDoNotSeeItsLink()
    {
        var user = $"cal-ui-{Guid.NewGuid():N}"[..14];
        await fixture.CreateUserAsync(user, "township-staff", fixture.NextTownshipCode());
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TownshipStaffAreRefusedTheCalendarPageAndDoNotSeeItsLink), async page =>
        {
            await browser.SignInAsync("/inbox", user, HostFixture.UserPassword);
            await Expect(page.GetByTestId("nav-inbox")).ToBeVisibleAsync();
            await page.GotoAsync("/calendar");

            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("nav-calendar")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("calendar-grid")).ToHaveCountAsync(0);
        });
    }
}
