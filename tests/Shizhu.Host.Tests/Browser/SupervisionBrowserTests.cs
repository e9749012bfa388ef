using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>督办 in a real Chromium (ADR 0037): the supervision office urges a task from the workflow page; a leader makes a calendar feed.</summary>
[Trait("Category", "Browser")]
public sealed class SupervisionBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheSupervisionOfficeUrgesATaskFromTheWorkflowPageAndASecondUrgeIsRefusedUntilTheNextWorkingDay()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var supervisor = "supervisor-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.CreateUserAsync(supervisor, "county-supervisor", null);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TheSupervisionOfficeUrgesATaskFromTheWorkflowPageAndASecondUrgeIsRefusedUntilTheNextWorkingDay), async page =>
        {
            await browser.SignInAsync($"/workflows/{scenario.WorkflowId}", supervisor, HostFixture.UserPassword);
            var panel = page.GetByTestId("supervision-panel");
            await Expect(panel).ToBeVisibleAsync();
            // The supervision office urges; only the county office extends deadlines.
            await Expect(panel.GetByTestId("extend-open")).ToHaveCountAsync(0);
            var row = panel.GetByTestId("supervision-row").First;
            await row.GetByTestId("urge-open").ClickAsync();
            await row.GetByTestId("urge-message").FillAsync("请本周内完成");
            await row.GetByTestId("urge-send").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已催办；下次可催办时间" })).ToBeVisibleAsync();
            await browser.ScreenshotAsync("supervision-panel");

            await row.GetByTestId("urge-open").ClickAsync();
            await row.GetByTestId("urge-send").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "后才能再次催办" })).ToBeVisibleAsync();
            // The page reloaded after the first urge: its 办理记录 holds the journal row.
            await Expect(page.Locator("body")).ToContainTextAsync("催办任务");
        });
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task ALeaderMakesACalendarFeedOnTheContactsPage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(ALeaderMakesACalendarFeedOnTheContactsPage), async page =>
        {
            await browser.SignInAsync("/contacts", scenario.LeaderUser, HostFixture.UserPassword);
            var card = page.GetByTestId("calendar-feed");
            await Expect(card).ToContainTextAsync("日历订阅");
            await card.GetByTestId("calendar-feed-rotate").ClickAsync();
            await Expect(card.GetByTestId("calendar-feed-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/feeds/calendar/[A-Za-z0-9_-]{40,}$"));
            await Expect(card.GetByTestId("calendar-feed-rotate")).ToContainTextAsync("更换订阅地址");
            await browser.ScreenshotAsync("calendar-feed");
        });
        await scenario.CancelAsync(fixture);
    }
}
