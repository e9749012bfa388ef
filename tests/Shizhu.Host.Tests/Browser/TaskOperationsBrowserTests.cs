using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>The task operations in a real Chromium: 转办, 委派 and its confirmation, 退回 and 抄送 with 抄送我的.</summary>
[Trait("Category", "Browser")]
public sealed class TaskOperationsBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string LeadingGroup = "组建创建工作领导小组";
    private const string WorkPlan = "制定创建工作实施方案";
    private const string Letters = "层层签订创建目标责任书";

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    private static ILocator Reason(IPage page) =>
        page.Locator("[data-testid=operation-reason] textarea, textarea[data-testid=operation-reason]");

    private static async Task<ILocator> OpenOperationAsync(IPage page, string taskTitle, string operation)
    {
        // From the inbox to the task page, where the operations the engine allows are offered.
        await page.GotoAsync("inbox");
        await page.GetByTestId("inbox-row").Filter(new() { HasText = taskTitle }).GetByTestId("complete-button").ClickAsync();
        await Expect(page.GetByTestId("task-page-title")).ToContainTextAsync(taskTitle);
        await page.GetByTestId("task-operations").GetByTestId($"op-{operation}").ClickAsync();
        var dialog = page.GetByTestId("operation-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    [Fact]
    public async Task StaffTransfersDelegatesSendsBackAndCopiesFromTheInboxAndTheLeaderReadsTheCopy()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var colleague = $"colleague-{Guid.NewGuid():N}"[..18];
        await fixture.CreateUserAsync(colleague, "township-staff", scenario.TownshipCode);
        using var api = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(StaffTransfersDelegatesSendsBackAndCopiesFromTheInboxAndTheLeaderReadsTheCopy), async page =>
        {
            await browser.SignInAsync("/inbox", scenario.StaffUser, HostFixture.UserPassword);

            // 转办: the task page offers the operations the engine allows; the picker offers eligible colleagues only.
            var transfer = await OpenOperationAsync(page, LeadingGroup, "transfer");
            await ChooseAsync(page, page.GetByTestId("operation-person"), colleague);
            await page.GetByTestId("operation-confirm").ClickAsync();
            await Expect(page.GetByText("请填写转办原因。")).ToBeVisibleAsync();
            await Reason(page).FillAsync("本人外出参加培训");
            await browser.ScreenshotAsync("operations-transfer-dialog");
            await page.GetByTestId("operation-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"已转办给{colleague}" })).ToBeVisibleAsync();
            var leadingGroup = await api.GetJsonAsync($"/api/tasks/{await TaskIdAsync(api, scenario, LeadingGroup)}");
            Assert.Equal(colleague, leadingGroup.Str("assignee"));

            // 委派: the colleague works it and resolves it; the owner confirms by completing it.
            var delegation = await OpenOperationAsync(page, WorkPlan, "delegate");
            await ChooseAsync(page, page.GetByTestId("operation-person"), colleague);
            await Reason(page).FillAsync("请代为起草实施方案");
            await page.GetByTestId("operation-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已委派给" })).ToBeVisibleAsync();
            var workPlanId = await TaskIdAsync(api, scenario, WorkPlan);
            await using (var delegateBrowser = await BrowserSession.StartAsync(fixture, output))
            {
                await delegateBrowser.SignInAsync("/inbox", colleague, HostFixture.UserPassword);
                var resolve = await OpenOperationAsync(delegateBrowser.Page, WorkPlan, "resolve");
                await Expect(delegateBrowser.Page.GetByTestId("handover-note")).ToContainTextAsync("请代为起草实施方案");
                await Reason(delegateBrowser.Page).FillAsync("初稿已完成");
                await delegateBrowser.Page.GetByTestId("operation-confirm").ClickAsync();
                await Expect(delegateBrowser.Page.Locator(".mud-snackbar").Filter(new() { HasText = "已退回委托人确认" })).ToBeVisibleAsync();
                await delegateBrowser.ScreenshotAsync("operations-delegate-resolved");
            }
            await api.UploadRequiredEvidenceAsync(workPlanId);
            await page.GotoAsync("inbox");
            await page.GetByTestId("inbox-row").Filter(new() { HasText = WorkPlan }).GetByTestId("complete-button").ClickAsync();
            await Expect(page.GetByTestId("handover-note")).ToContainTextAsync("初稿已完成");
            await browser.ScreenshotAsync("operations-owner-confirms");
            await page.GetByTestId("confirm-complete").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已办结" })).ToBeVisibleAsync();

            // 退回: with 组建领导小组 done by the colleague and 动员大会 by the staff member, 签订目标责任书 goes back.
            using (var other = await fixture.LoginAsync(colleague, HostFixture.UserPassword))
                await other.CompleteWithEvidenceAsync(await TaskIdAsync(api, scenario, LeadingGroup), new { });
            await api.CompleteWithEvidenceAsync(await TaskIdAsync(api, scenario, "动员大会"), new { });
            var sendBack = await OpenOperationAsync(page, Letters, "sendBack");
            await ChooseAsync(page, page.GetByTestId("operation-target"), "动员大会");
            await Reason(page).FillAsync("动员大会签到表缺失，请补充");
            await browser.ScreenshotAsync("operations-send-back-dialog");
            await page.GetByTestId("operation-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已退回至" })).ToBeVisibleAsync();
            await page.GotoAsync("inbox");
            await Expect(page.GetByTestId("inbox-row").Filter(new() { HasText = "动员大会" })).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("inbox-row").Filter(new() { HasText = Letters })).ToHaveCountAsync(0);

            // 抄送 to the township's leader, who finds it in 抄送我的.
            var copy = await OpenOperationAsync(page, "动员大会", "copy");
            await Reason(page).FillAsync("请领导知悉退回情况");
            // A multiple choice stays open after a pick: clicking the select again closes it.
            await ChooseAsync(page, page.GetByTestId("operation-people"), scenario.LeaderUser);
            await page.GetByTestId("operation-people").ClickAsync(new() { Force = true });
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await page.GetByTestId("operation-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已抄送 1 人" })).ToBeVisibleAsync();
            await browser.ScreenshotAsync("operations-after-copy");

            await using var leaderBrowser = await BrowserSession.StartAsync(fixture, output);
            await leaderBrowser.SignInAsync("/copies", scenario.LeaderUser, HostFixture.UserPassword);
            var row = leaderBrowser.Page.GetByTestId("copy");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("请领导知悉退回情况");
            await Expect(row).ToHaveAttributeAsync("data-read", "false");
            await leaderBrowser.ScreenshotAsync("copies-page");
            await row.GetByTestId("copy-mark-read").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-read", "true");
            await leaderBrowser.Page.SetViewportSizeAsync(390, 844);
            await leaderBrowser.ScreenshotAsync("copies-page-phone");
        });
        await scenario.CancelAsync(fixture);
    }

    private static async Task<string> TaskIdAsync(HttpClient api, Scenario scenario, string title) =>
        (await api.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}"))["tasks"]!.AsArray().Select(t => t!)
        .Last(t => t.Str("status") == "open" && t.Str("title").Contains(title, StringComparison.Ordinal)).Str("id");
}
