using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>The web UI in a real Chromium against the real Host: sign in, 我的待办, the 办理 dialog, the workflow page.</summary>
[Collection(HostCollection.Name)]
public sealed class InboxBrowserTests(HostFixture fixture, ITestOutputHelper output)
{
    private const string LeadingGroup = "组建创建工作领导小组";
    private const string WorkPlan = "制定创建工作实施方案";
    private const float Timeout = 30_000;

    [Fact]
    public async Task TownshipStaffCompletesATaskFromTheInboxAndSeesItOnTheWorkflowPage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SHIZHU_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        SetDefaultExpectTimeout(Timeout);

        try
        {
            // Signing in through the form brings the staff member back to the page they asked for.
            await page.GotoAsync("/inbox");
            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await page.GetByLabel("用户名").FillAsync(scenario.StaffUser);
            await page.GetByLabel("密码").FillAsync(HostFixture.UserPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));

            // 我的待办 holds the two opening tasks of the township's workflow.
            var rows = page.GetByTestId("inbox-row");
            await Expect(rows).ToHaveCountAsync(2);
            var leadingGroup = rows.Filter(new() { HasText = LeadingGroup });
            await Expect(leadingGroup).ToContainTextAsync("宣传发动");

            // Complete one through the 办理 dialog.
            await leadingGroup.GetByTestId("complete-button").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync(LeadingGroup);
            await dialog.GetByTestId("comment-field").FillAsync("领导小组已成立，文件已印发。");
            await dialog.GetByTestId("confirm-complete").ClickAsync();

            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已办结" })).ToBeVisibleAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(leadingGroup).ToHaveCountAsync(0);
            await Expect(rows.Filter(new() { HasText = WorkPlan })).ToHaveCountAsync(1);

            // The task's link opens its workflow page.
            await rows.Filter(new() { HasText = WorkPlan }).GetByTestId("inbox-task-title").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/workflows/{scenario.WorkflowId}$"));
            await Expect(page.GetByTestId("stage-publicity")).ToHaveAttributeAsync("data-current", "true");

            var completed = page.GetByTestId("task-row").Filter(new() { HasText = LeadingGroup });
            await Expect(completed).ToHaveAttributeAsync("data-status", "completed");
            await Expect(completed.GetByTestId("task-status")).ToHaveTextAsync("已办结");
            await Expect(completed.GetByTestId("task-completed-by")).ToHaveTextAsync(scenario.StaffUser);
            await Expect(page.GetByTestId("task-row").Filter(new() { HasText = WorkPlan })).ToHaveAttributeAsync("data-status", "open");

            var journal = page.GetByTestId("journal-row").Filter(new() { HasText = $"办结任务：{LeadingGroup}" });
            await Expect(journal).ToHaveCountAsync(1);
            await Expect(journal).ToContainTextAsync("领导小组已成立，文件已印发。");
        }
        catch
        {
            await SaveScreenshotAsync(page, nameof(TownshipStaffCompletesATaskFromTheInboxAndSeesItOnTheWorkflowPage));
            throw;
        }
    }

    private async Task SaveScreenshotAsync(IPage page, string testName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "playwright-failures", $"{testName}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot of the failing page: {path} (at {page.Url})");
    }
}
