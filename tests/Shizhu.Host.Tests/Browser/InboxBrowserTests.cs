using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>The web UI in a real Chromium against the real Host: sign in, 我的待办, the task page with its evidence upload, the workflow page.</summary>
[Trait("Category", "Browser")]
public sealed class InboxBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string LeadingGroup = "组建创建工作领导小组";
    private const string WorkPlan = "制定创建工作实施方案";
    private const string Notice = "成立领导小组的文件";
    private static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[120]];

    [Fact]
    public async Task TownshipStaffCompletesATaskFromTheInboxAndSeesItOnTheWorkflowPage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TownshipStaffCompletesATaskFromTheInboxAndSeesItOnTheWorkflowPage), async page =>
        {
            // Signing in through the form brings the staff member back to the page they asked for.
            await browser.SignInAsync("/inbox", scenario.StaffUser, HostFixture.UserPassword);

            // 我的待办 holds the two opening tasks of the township's workflow.
            var rows = page.GetByTestId("inbox-row");
            await Expect(rows).ToHaveCountAsync(2);
            var leadingGroup = rows.Filter(new() { HasText = LeadingGroup });
            await Expect(leadingGroup).ToContainTextAsync("宣传发动");

            // 办理 opens the task page: its required evidence first, then the confirmation.
            await leadingGroup.GetByTestId("complete-button").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/tasks/[0-9a-f-]+$"));
            await Expect(page.GetByTestId("task-page-title")).ToContainTextAsync(LeadingGroup);
            var requirement = page.GetByTestId("evidence-requirement");
            await Expect(requirement).ToHaveAttributeAsync("data-missing", "true");
            await Expect(requirement).ToContainTextAsync(Notice);
            await Expect(page.GetByTestId("evidence-missing")).ToHaveTextAsync($"请先上传必需的佐证材料：“{Notice}”，上传后才能办结。");
            await Expect(page.GetByTestId("confirm-complete")).ToBeDisabledAsync();
            await browser.ScreenshotAsync("inbox-task-page-evidence-missing");

            // A disguised executable is refused by content and leaves the requirement missing.
            var input = page.GetByTestId("evidence-input-establishment-notice");
            await browser.ChooseFileAsync(input, new FilePayload { Name = "通知.pdf", MimeType = "application/pdf", Buffer = Executable });
            await Expect(page.GetByTestId("evidence-error")).ToContainTextAsync("文件类型不允许");
            await Expect(page.GetByTestId("confirm-complete")).ToBeDisabledAsync();

            await browser.ChooseFileAsync(input,
                new FilePayload { Name = "关于成立创建工作领导小组的通知.pdf", MimeType = "application/pdf", Buffer = EvidenceUploads.Pdf });
            await Expect(page.GetByTestId("evidence-file")).ToContainTextAsync("关于成立创建工作领导小组的通知.pdf");
            await Expect(requirement).ToHaveAttributeAsync("data-missing", "false");
            await Expect(page.GetByTestId("evidence-missing")).ToHaveCountAsync(0);
            await page.GetByTestId("comment-field").FillAsync("领导小组已成立，文件已印发。");
            await page.GetByTestId("confirm-complete").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已办结" })).ToBeVisibleAsync();

            await page.GotoAsync("/inbox");
            await Expect(leadingGroup).ToHaveCountAsync(0);
            await Expect(rows.Filter(new() { HasText = WorkPlan })).ToHaveCountAsync(1);

            // The task's link opens its task page, and that its workflow page.
            await rows.Filter(new() { HasText = WorkPlan }).GetByTestId("inbox-task-title").ClickAsync();
            await page.GetByTestId("task-workflow-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/workflows/{scenario.WorkflowId}$"));
            await Expect(page.GetByTestId("stage-publicity")).ToHaveAttributeAsync("data-current", "true");

            var completed = page.GetByTestId("task-row").Filter(new() { HasText = LeadingGroup });
            await Expect(completed).ToHaveAttributeAsync("data-status", "completed");
            await Expect(completed.GetByTestId("task-status")).ToHaveTextAsync("已办结");
            await Expect(completed.GetByTestId("task-completed-by")).ToHaveTextAsync(scenario.StaffUser);
            await Expect(page.GetByTestId("task-row").Filter(new() { HasText = WorkPlan })).ToHaveAttributeAsync("data-status", "open");

            // 办理记录 in sentences, the structured change behind 详情.
            var journal = page.GetByTestId("journal-row").Filter(new() { HasText = $"办结了‘{LeadingGroup}’" });
            await Expect(journal).ToHaveCountAsync(1);
            await Expect(journal).ToContainTextAsync("附 1 份佐证材料；意见：领导小组已成立，文件已印发。");
            await journal.GetByTestId("journal-details-toggle").ClickAsync();
            await Expect(journal.GetByTestId("journal-change").Filter(new() { HasText = "任务：状态 待办理 → 已办结" })).ToHaveCountAsync(1);
            await browser.ScreenshotAsync("workflow-journal");
            await Expect(page.GetByTestId("journal-row").Filter(new() { HasText = "上传了佐证材料《关于成立创建工作领导小组的通知.pdf》" })).ToHaveCountAsync(1);
        });
    }
}
