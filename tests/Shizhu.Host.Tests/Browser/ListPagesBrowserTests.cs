using System.Text.RegularExpressions;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>
/// The workflow list and the alerts as lists that page and filter on the server with the filters in the address (ADR 0035),
/// at desktop width and as cards on a 390 px phone; the menu's badges against the API's counts; a notification about a
/// task opening the task page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ListPagesBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    [Fact]
    public async Task TheCountyOfficeSearchesTheWorkflowListAndTheLinkKeepsTheFilterOnAPhone()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var name = (await scenario.WorkflowAsync(admin)).Str("townshipName");
        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Desktop);
        await browser.RunAsync(nameof(TheCountyOfficeSearchesTheWorkflowListAndTheLinkKeepsTheFilterOnAPhone), async page =>
        {
            await browser.SignInAsync("/workflows", HostFixture.AdminUser, HostFixture.AdminPassword);
            await Expect(page.GetByTestId("workflow-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("workflow-card").First).ToBeHiddenAsync();

            // A search reads the first page again on the server and writes itself into the address.
            var search = page.Locator(Input("workflow-search"));
            await search.FillAsync(name);
            await search.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"q={Regex.Escape(Uri.EscapeDataString(name))}"));
            var row = page.GetByTestId("workflow-row").Filter(new() { HasText = name });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("进行中");
            await browser.ScreenshotAsync("workflow-list-1366");

            // The link a leader sends: opened on a phone, the filter holds and each workflow is a card.
            var link = page.Url;
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(link);
            var card = page.GetByTestId("workflow-card").Filter(new() { HasText = name });
            await Expect(card).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("workflow-grid")).ToBeHiddenAsync();
            await Expect(page.Locator(Input("workflow-search"))).ToHaveValueAsync(name);
            await Expect(card).ToBeInViewportAsync();
            await browser.ScreenshotAsync("workflow-list-390");
        });
    }

    [Fact]
    public async Task ALeaderFiltersTheAlertsByKindAndTheMenuBadgesMatchTheApi()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using (var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword))
        {
            var first = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
            await staff.CompleteWithEvidenceAsync(first.Str("id"), new { });
        }
        using var admin = await fixture.LoginAsAdminAsync();
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{scenario.Year}-02-01T09:00:00+08:00" });
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        var alerts = (await leader.GetJsonAsync("/api/alerts/count?open=true"))["count"]!.GetValue<int>();
        var inbox = (await leader.GetJsonAsync("/api/inbox/count"))["count"]!.GetValue<int>();
        var unread = await Eventually.UntilAsync(async () => (await leader.GetJsonAsync("/api/notifications/unread-count"))["count"]!.GetValue<int>(),
            n => n > 0, "the leader's unread notifications");
        Assert.Equal(2, alerts);

        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Desktop);
        await browser.RunAsync(nameof(ALeaderFiltersTheAlertsByKindAndTheMenuBadgesMatchTheApi), async page =>
        {
            await browser.SignInAsync("/alerts", scenario.LeaderUser, HostFixture.UserPassword);
            await Expect(page.GetByTestId("alert-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("alerts-badge")).ToHaveTextAsync(alerts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(unread > 99 ? "99+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (inbox > 0) await Expect(page.GetByTestId("inbox-badge")).ToHaveTextAsync(inbox.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else await Expect(page.GetByTestId("inbox-badge")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("alerts-1366");

            // The kind filter: chosen by its Chinese name, kept in the address.
            await page.GetByTestId("alert-kind").ClickAsync();
            await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "逾期", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("kind=Overdue"));
            await Expect(page.GetByTestId("alert-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("alert-row")).ToContainTextAsync("逾期");

            // Resolved alerts: none yet, with the filtered list's own message.
            await page.GotoAsync("/alerts?open=false");
            await Expect(page.GetByTestId("alerts-empty")).ToHaveTextAsync("没有符合筛选条件的预警。");

            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/alerts?open=true");
            var cards = page.GetByTestId("alert-card");
            await Expect(cards).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("alerts-table")).ToBeHiddenAsync();
            await Expect(cards.First.GetByRole(Microsoft.Playwright.AriaRole.Link).First).ToBeInViewportAsync();
            await browser.ScreenshotAsync("alerts-390");
        });
    }

    [Fact]
    public async Task ANotificationAboutANewTaskOpensItsTaskPage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var notification = await Eventually.UntilAsync(
            async () => (await staff.GetJsonAsync($"/api/notifications?workflowId={scenario.WorkflowId}")).Items()
                .FirstOrDefault(n => n.Str("title").StartsWith("新任务：", StringComparison.Ordinal)),
            n => n is not null, "a new-task notification");
        var found = notification ?? throw new InvalidOperationException("No new-task notification.");
        var (taskId, title) = (found.Str("taskId"), found.Str("title"));

        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Phone);
        await browser.RunAsync(nameof(ANotificationAboutANewTaskOpensItsTaskPage), async page =>
        {
            await browser.SignInAsync("/notifications", scenario.StaffUser, HostFixture.UserPassword);
            var link = page.Locator($"[data-testid=notification-link][href='tasks/{taskId}']");
            await Expect(link).ToHaveTextAsync(title);
            await browser.ScreenshotAsync("notifications-task-link-390");
            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{taskId}$"));
            await Expect(page.GetByText(title["新任务：".Length..]).First).ToBeVisibleAsync();
        });
    }
}
