using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>
/// The task page (/tasks/{id}) and the workflow page in a real Chromium against the real Host on PostgreSQL (issue 12):
/// a township fills a form, uploads, previews and removes evidence and completes; the county office decides (no
/// outcome chosen for it), reviews the evidence and suspends and resumes with a reason; the same on a phone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TaskPageBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string Mobilisation = "召开创建动员大会";
    private const string ConfirmApplication = "县爱卫办确认创建申请";

    /// <summary>A real 64 × 40 PNG (two bands of colour): what the content check accepts as a picture.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAW0lEQVR4nO3PQQ2AMBAAwSrhjcQKqwjkIAERPCaXbLICdta1n9EtfhBAHwTQBwH0QQB9EEAfBNAHAfRBAH0QQB/8BbznHl0AXQBdAF0AXQBdAF0AXQBdAN14wAeoE9LiXbKFiAAAAABJRU5ErkJggg==");

    /// <summary>
    /// Completes the workflow's open tasks through the API — the township's by its staff, the county office's by the
    /// admin with the first outcome — until a task whose title starts with <paramref name="title"/> is open; answers its id.
    /// </summary>
    private async Task<string> AdvanceToAsync(Scenario scenario, HttpClient staff, HttpClient admin, string title)
    {
        for (var step = 0; step < 12; step++)
        {
            var workflow = await scenario.WorkflowAsync(admin);
            var open = workflow["tasks"]!.Items().Where(t => t.Str("status") == "open").ToList();
            if (open.FirstOrDefault(t => t.Str("title").StartsWith(title, StringComparison.Ordinal)) is { } target) return target.Str("id");
            var next = open.FirstOrDefault(t => t.Str("scope") == "township") ?? open.First(t => t.Str("scope") == "county");
            var client = next.Str("scope") == "township" ? staff : admin;
            var detail = await client.GetJsonAsync($"/api/tasks/{next.Str("id")}");
            var outcome = detail["outcomes"]!.Items().Select(o => o.GetValue<string>()).FirstOrDefault();
            await client.CompleteWithEvidenceAsync(next.Str("id"), new { outcome, comment = "测试推进" }, outcome);
        }
        throw new InvalidOperationException($"No open task “{title}” after twelve completions.");
    }

    [Fact]
    public async Task ATownshipFillsTheFormPreviewsAndRemovesAWrongUploadAndCompletesTheTaskFromTheInbox()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();
        var taskId = await AdvanceToAsync(scenario, staff, admin, Mobilisation);
        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Desktop);
        try
        {
            await browser.RunAsync(nameof(ATownshipFillsTheFormPreviewsAndRemovesAWrongUploadAndCompletesTheTaskFromTheInbox), async page =>
            {
                await browser.SignInAsync("/inbox", scenario.StaffUser, HostFixture.UserPassword);
                var row = page.GetByTestId("inbox-row").Filter(new() { HasText = Mobilisation });
                await Expect(row.GetByTestId("due-state")).ToHaveTextAsync("待办理");
                await row.GetByTestId("complete-button").ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{taskId}$"));
                await Expect(page.GetByTestId("task-page-title")).ToContainTextAsync(Mobilisation);
                await Expect(page.GetByTestId("task-description")).ToContainTextAsync("进村庄、进社区");

                // The typed fields of the template; a number below its minimum is refused in Chinese before anything is sent.
                await Expect(page.GetByTestId("form-field")).ToHaveCountAsync(10);
                var attendees = page.GetByTestId("field-attendees");
                await attendees.FillAsync("0");
                await attendees.PressAsync("Tab");
                await page.GetByTestId("confirm-complete").ClickAsync();
                await Expect(page.GetByTestId("form-field").Filter(new() { HasText = "参会人数" })).ToContainTextAsync("“参会人数”不能小于 1。");
                await browser.ScreenshotAsync("task-page-validation");
                await attendees.FillAsync("45");
                await attendees.PressAsync("Tab");
                await page.GetByTestId("field-meetingDate").FillAsync($"{scenario.Year}-03-02");
                await page.GetByTestId("form-field").Filter(new() { HasText = "宣传进村庄" }).GetByText("是", new() { Exact = true }).ClickAsync();

                // A wrong picture: listed with the uploader's name, shown inline, then removed again.
                var requirement = page.GetByTestId("evidence-requirement");
                await browser.ChooseFileAsync(page.GetByTestId("evidence-input-publicity-record"),
                    new FilePayload { Name = "错误的照片.png", MimeType = "image/png", Buffer = Png });
                var wrong = requirement.GetByTestId("evidence-file").Filter(new() { HasText = "错误的照片.png" });
                await Expect(wrong).ToBeVisibleAsync();
                await wrong.GetByTestId("evidence-preview").ClickAsync();
                var preview = page.GetByTestId("evidence-preview-image");
                await Expect(preview).ToBeVisibleAsync();
                Assert.True(await preview.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 64"), "The picture did not load in the preview.");
                await browser.ScreenshotAsync("task-page-image-preview");
                await page.Keyboard.PressAsync("Escape");
                await Expect(preview).ToHaveCountAsync(0);
                await wrong.GetByTestId("evidence-remove").ClickAsync();
                await Expect(wrong).ToHaveCountAsync(0);

                // The right file: a PDF shown in the browser's own viewer, framed from this origin.
                await browser.ChooseFileAsync(page.GetByTestId("evidence-input-publicity-record"),
                    new FilePayload { Name = "动员大会签到表.pdf", MimeType = "application/pdf", Buffer = EvidenceUploads.Pdf });
                var pdf = requirement.GetByTestId("evidence-file").Filter(new() { HasText = "动员大会签到表.pdf" });
                await pdf.GetByTestId("evidence-preview").ClickAsync();
                var frame = page.GetByTestId("evidence-preview-frame");
                await Expect(frame).ToHaveAttributeAsync("src", new Regex($"api/tasks/{taskId}/evidence/.+/preview$"));
                await browser.ScreenshotAsync("task-page-pdf-preview");
                // Closed by its button: the PDF viewer inside the frame may hold the keyboard focus, so Escape need not reach the dialog.
                await page.GetByTestId("evidence-preview-close").ClickAsync();
                await Expect(frame).ToHaveCountAsync(0);
                await Expect(pdf.GetByTestId("evidence-download")).ToHaveAttributeAsync("href", new Regex($"api/tasks/{taskId}/evidence/[0-9a-f-]+$"));

                await page.GetByTestId("comment-field").FillAsync("动员大会已召开，宣传覆盖全部村社区。");
                await browser.ScreenshotAsync("task-page-filled");
                await page.GetByTestId("confirm-complete").ClickAsync();
                await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已办结" })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("task-result")).ToContainTextAsync("办结人");
                await Expect(page.GetByTestId("task-state")).ToHaveTextAsync("已办结");
                await Expect(page.GetByTestId("task-data")).ToContainTextAsync("参会人数");
                await Expect(page.GetByTestId("task-data")).ToContainTextAsync("45");
                await Expect(page.GetByTestId("task-data")).ToContainTextAsync("宣传进村庄");

                // The history in sentences: the completion with its evidence count, the removal of the wrong picture.
                var history = page.GetByTestId("journal-row");
                await Expect(history.Filter(new() { HasText = $"办结了‘{Mobilisation}" })).ToContainTextAsync("附 1 份佐证材料");
                await Expect(history.Filter(new() { HasText = "删除了" })).ToContainTextAsync("《错误的照片.png》");
                await Expect(page.GetByTestId("journal-table")).Not.ToContainTextAsync("SHA-256");
                await browser.ScreenshotAsync("task-page-completed");
            });

            // What the page sent is what the engine stored: the typed data and the one file left.
            var files = (await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items().Select(f => f.Str("fileName")).ToList();
            Assert.Equal(["动员大会签到表.pdf"], files);
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task TheCountyOfficeMustChooseADecisionReviewsTheEvidenceAndSuspendsAndResumesWithAReason()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();
        var taskId = await AdvanceToAsync(scenario, staff, admin, ConfirmApplication);
        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Desktop);
        try
        {
            await browser.RunAsync(nameof(TheCountyOfficeMustChooseADecisionReviewsTheEvidenceAndSuspendsAndResumesWithAReason), async page =>
            {
                await browser.SignInAsync($"/tasks/{taskId}", HostFixture.AdminUser, HostFixture.AdminPassword);

                // No decision is made for the county office: nothing chosen, 确认办结 disabled until it chooses.
                var outcomes = page.GetByTestId("outcome-group");
                await Expect(outcomes.Locator("input[type=radio]")).ToHaveCountAsync(2);
                await Expect(page.GetByTestId("outcome-group").Locator("input:checked")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("confirm-complete")).ToBeDisabledAsync();
                await Expect(page.GetByTestId("choose-outcome-hint")).ToHaveTextAsync("请先选择办理结果");
                await browser.ScreenshotAsync("task-page-decision-unchosen");
                await outcomes.GetByText("同意", new() { Exact = true }).ClickAsync();
                await Expect(page.GetByTestId("confirm-complete")).ToBeEnabledAsync();
                await page.GetByTestId("confirm-complete").ClickAsync();
                await Expect(page.GetByTestId("task-result")).ToContainTextAsync("同意");

                // The workflow page: every file the township uploaded, with who, task and requirement, previewable.
                await page.GetByTestId("task-workflow-link").ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex($"/workflows/{scenario.WorkflowId}$"));
                var files = page.GetByTestId("workflow-evidence-row");
                await Expect(files.First).ToBeVisibleAsync();
                // 领导小组、实施方案、责任书、创建申请: the four township tasks with required evidence before the decision.
                Assert.True(await files.CountAsync() >= 4, $"{await files.CountAsync()} files listed.");
                var notice = files.Filter(new() { HasText = "establishment-notice.pdf" });
                await Expect(notice.GetByTestId("workflow-evidence-meta")).ToContainTextAsync("组建创建工作领导小组");
                await Expect(notice.GetByTestId("workflow-evidence-meta")).ToContainTextAsync("成立领导小组的文件");
                await notice.GetByTestId("evidence-preview").ClickAsync();
                await Expect(page.GetByTestId("evidence-preview-frame")).ToBeVisibleAsync();
                await browser.ScreenshotAsync("workflow-evidence-preview");
                await page.GetByTestId("evidence-preview-close").ClickAsync();
                await Expect(page.GetByTestId("evidence-preview-frame")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("workflow-header")).ToContainTextAsync("第1版");
                await Expect(page.GetByTestId("workflow-header")).Not.ToContainTextAsync("municipal v");

                // 暂停 asks a reason, in Chinese, before anything happens.
                await page.GetByTestId("workflow-suspend").ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await dialog.GetByTestId("reason-confirm").ClickAsync();
                await Expect(dialog).ToContainTextAsync("请填写原因。");
                await dialog.GetByTestId("reason-field").FillAsync("汛期道路中断，暂缓迎检");
                await dialog.GetByTestId("reason-confirm").ClickAsync();
                await Expect(page.GetByTestId("workflow-status")).ToHaveTextAsync("已暂停");
                await Expect(page.GetByTestId("journal-row").First).ToContainTextAsync("暂停了创建工作流，原因：汛期道路中断，暂缓迎检");
                await browser.ScreenshotAsync("workflow-suspended");

                await page.GetByTestId("workflow-resume").ClickAsync();
                await dialog.GetByTestId("reason-field").FillAsync("道路已恢复");
                await dialog.GetByTestId("reason-confirm").ClickAsync();
                await Expect(page.GetByTestId("workflow-status")).ToHaveTextAsync("进行中");
                await Expect(page.GetByTestId("journal-row").First).ToContainTextAsync("恢复了创建工作流，原因：道路已恢复");

                // The structured change stays behind 详情; the sentence names the person, never the user name.
                var suspended = page.GetByTestId("journal-row").Filter(new() { HasText = "暂停了" });
                await Expect(suspended.GetByTestId("journal-change")).ToHaveCountAsync(0);
                await suspended.GetByTestId("journal-details-toggle").ClickAsync();
                await Expect(suspended.GetByTestId("journal-change").First).ToContainTextAsync("工作流：状态 进行中 → 已暂停");
                await browser.ScreenshotAsync("workflow-journal-sentences");
            });
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task OnAPhoneTheAppBarFoldsTheTaskPageKeepsItsTitleAndButtonAndLongCommentsAreClamped()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();
        var workPlan = (await staff.GetJsonAsync("/api/inbox")).Items()
            .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "制定创建工作实施方案").Str("id");
        await staff.CompleteWithEvidenceAsync(workPlan, new { comment = string.Concat(Enumerable.Repeat("方案已经领导小组审议通过并印发。", 150))[..2000] });
        var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
            .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "组建创建工作领导小组").Str("id");
        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Phone);
        try
        {
            await browser.RunAsync(nameof(OnAPhoneTheAppBarFoldsTheTaskPageKeepsItsTitleAndButtonAndLongCommentsAreClamped), async page =>
            {
                await browser.SignInAsync($"/tasks/{taskId}", scenario.StaffUser, HostFixture.UserPassword);
                var title = page.GetByTestId("task-page-title");
                await Expect(title).ToContainTextAsync("组建创建工作领导小组");
                // One character a line would make the title as narrow as one character; it takes most of the width.
                var box = await title.BoundingBoxAsync();
                Assert.True(box!.Width > 200, $"The title is {box.Width}px wide at 390px.");

                // 退出 and the clock are off the bar until its button opens them.
                await Expect(page.GetByTestId("logout")).Not.ToBeVisibleAsync();
                await page.GetByTestId("app-bar-tools-toggle").ClickAsync();
                await Expect(page.GetByTestId("logout")).ToBeInViewportAsync();
                await Expect(page.GetByTestId("app-clock")).ToBeInViewportAsync();
                await browser.ScreenshotAsync("phone-app-bar-open");
                await page.GetByTestId("app-bar-tools-toggle").ClickAsync();

                // The main button stays in view at the bottom while the form scrolls.
                await Expect(page.GetByTestId("confirm-complete")).ToBeInViewportAsync();
                await browser.ChooseFileAsync(page.GetByTestId("evidence-input-establishment-notice"),
                    new FilePayload { Name = "关于成立创建工作领导小组的通知.pdf", MimeType = "application/pdf", Buffer = EvidenceUploads.Pdf });
                await Expect(page.GetByTestId("evidence-file")).ToContainTextAsync("关于成立创建工作领导小组的通知.pdf");
                await Expect(page.GetByTestId("confirm-complete")).ToBeEnabledAsync();
                await Expect(page.GetByTestId("confirm-complete")).ToBeInViewportAsync();
                await browser.ScreenshotAsync("phone-task-page");
                await page.GetByTestId("confirm-complete").ClickAsync();
                await Expect(page.GetByTestId("task-result")).ToBeVisibleAsync();

                // The workflow page on the phone: a 2,000-character comment is three lines until 展开.
                await page.GotoAsync($"/workflows/{scenario.WorkflowId}");
                // Tasks are cards on a phone: the seven-column table is not shown.
                await Expect(page.GetByTestId("task-table")).Not.ToBeVisibleAsync();
                var row = page.GetByTestId("task-card").Filter(new() { HasText = "制定创建工作实施方案" });
                var body = row.GetByTestId("clamped-body");
                var clamped = await body.BoundingBoxAsync();
                Assert.True(clamped!.Height < 80, $"The clamped comment is {clamped.Height}px tall.");
                await browser.ScreenshotAsync("phone-workflow-page");
                await row.GetByTestId("clamp-toggle").ClickAsync();
                await Expect(row.GetByTestId("clamp-toggle")).ToHaveTextAsync("收起");
                Assert.True((await body.BoundingBoxAsync())!.Height > clamped.Height * 3);
                await Expect(page.GetByTestId("workflow-evidence-row").Filter(new() { HasText = "关于成立创建工作领导小组的通知.pdf" })).ToBeVisibleAsync();
            });
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task UnknownAddressesGetAChinesePageTheSignInFormSpeaksChineseAndTheStartDialogRefuses1999()
    {
        await using var browser = await BrowserSession.StartAsync(fixture, output, BrowserSession.Desktop);
        await browser.RunAsync(nameof(UnknownAddressesGetAChinesePageTheSignInFormSpeaksChineseAndTheStartDialogRefuses1999), async page =>
        {
            // An empty sign-in comes back in Chinese; the browser's own (English) bubble never shows: the form is novalidate.
            await page.GotoAsync("/login");
            await Expect(page.GetByTestId("login-form")).ToHaveAttributeAsync("novalidate", "");
            await page.GetByTestId("login-submit").ClickAsync();
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("请输入用户名和密码。");

            await browser.SignInAsync("/workflows", HostFixture.AdminUser, HostFixture.AdminPassword);
            var response = await page.GotoAsync("/no-such-page");
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByTestId("status-heading")).ToHaveTextAsync("页面不存在");
            await browser.ScreenshotAsync("not-found-page");

            // The start dialog keeps 1999 as typed and says why it cannot start.
            await page.GotoAsync("/workflows");
            await page.GetByRole(AriaRole.Button, new() { Name = "启动创建" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var start = dialog.GetByTestId("start-year");
            await start.FillAsync("1999");
            await start.PressAsync("Tab");
            var target = dialog.GetByTestId("target-year");
            await target.FillAsync("1998");
            await target.PressAsync("Tab");
            await dialog.GetByTestId("confirm-start").ClickAsync();
            await Expect(dialog).ToContainTextAsync("创建起始年份必须在 2000—2100 之间。");
            await Expect(start).ToHaveValueAsync("1999");
            await browser.ScreenshotAsync("start-dialog-years");
        });

        // The API keeps its problem documents for unknown paths.
        using var client = fixture.CreateClient();
        using var api = await client.GetAsync("/api/no-such-thing");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
