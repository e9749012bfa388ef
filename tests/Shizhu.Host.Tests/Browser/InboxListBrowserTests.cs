using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>我的待办 as a list that pages and filters on the server (ADR 0035), at desktop width and as cards on a 390 px phone.</summary>
[Trait("Category", "Browser")]
public sealed class InboxListBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TownshipStaffSearchesTheInboxAtDesktopWidthAndSeeCardsOnAPhone()
    {
        var scenario = await Scenario.StartAsync(fixture);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TownshipStaffSearchesTheInboxAtDesktopWidthAndSeeCardsOnAPhone), async page =>
        {
            await page.SetViewportSizeAsync(1366, 900);
            await browser.SignInAsync("/inbox", scenario.StaffUser, HostFixture.UserPassword);
            await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("inbox-count")).ToHaveTextAsync("共 2 项");
            await Expect(page.GetByTestId("inbox-card").First).ToBeHiddenAsync();
            // The sort select names its choice in Chinese, not by the API's key.
            await Expect(page.Locator("input[data-testid=inbox-sort], [data-testid=inbox-sort] input").First).ToHaveValueAsync("按期限（最急在前）");
            await browser.ScreenshotAsync("inbox-list-1366");

            // A search reads the first page again on the server: one task matches.
            // MudBlazor puts the test id on the input itself, or on a wrapper around it: either way the input.
            var search = page.Locator("input[data-testid=inbox-search], [data-testid=inbox-search] input");
            await search.FillAsync("领导小组");
            await search.PressAsync("Enter");
            await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("inbox-row")).ToContainTextAsync("组建创建工作领导小组");
            await Expect(page.GetByTestId("inbox-count")).ToHaveTextAsync("共 1 项");

            // Nothing is overdue yet: the overdue switch empties the list with its own message.
            await page.Locator("input[data-testid=inbox-overdue], [data-testid=inbox-overdue] input").CheckAsync();
            await Expect(page.GetByTestId("inbox-empty")).ToHaveTextAsync("没有符合筛选条件的待办任务。");
            await browser.ScreenshotAsync("inbox-list-filtered-1366");

            // On a phone the same page shows a card per task, with 办理 in view.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/inbox");
            var cards = page.GetByTestId("inbox-card");
            await Expect(cards).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("inbox-table")).ToBeHiddenAsync();
            await Expect(cards.First.GetByTestId("card-complete-button")).ToBeInViewportAsync();
            await browser.ScreenshotAsync("inbox-list-390");
        });
    }
}
