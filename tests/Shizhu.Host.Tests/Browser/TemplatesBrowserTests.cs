using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>
/// Template administration in a real Chromium (issue 14): the municipal template as a diagram, a task's deadline and
/// evidence changed in the editor with the validation problem shown on its element until fixed, the new version published,
/// two running workflows migrated after a dry run, and the new diagram on a workflow page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TemplatesBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string Task = "leading-group";

    private static ILocator Shape(IPage page, string diagram, string id, string marker = "") =>
        page.Locator($"[data-testid={diagram}] .djs-element{marker}[data-element-id='{id}']");

    /// <summary>The diagram alone at its size on the page, beside the full-page screenshots, to look at its drawing.</summary>
    private static async Task DiagramShotAsync(IPage page, string diagram, string name)
    {
        if (Environment.GetEnvironmentVariable("SHIZHU_TEST_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.GetByTestId(diagram).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    [Fact]
    public async Task AnAdministratorEditsTheMunicipalTemplateInTheBrowserPublishesItAndMigratesTwoRunningWorkflows()
    {
        var first = await Scenario.StartAsync(fixture);
        var second = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var published = (await admin.GetJsonAsync("/api/templates")).Items().Single(t => t.Str("key") == "municipal")["publishedVersion"]!.GetValue<int>();
        var next = published + 1;

        await using var browser = await BrowserSession.StartAsync(fixture, output);
        // bpmn-js runs in the page: its errors are only visible in the browser's console.
        browser.Page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        browser.Page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await browser.RunAsync(nameof(AnAdministratorEditsTheMunicipalTemplateInTheBrowserPublishesItAndMigratesTwoRunningWorkflows), async page =>
        {
            await browser.SignInAsync("/templates", HostFixture.AdminUser, HostFixture.AdminPassword);
            await Expect(page.GetByTestId("template-municipal")).ToContainTextAsync("重庆市卫生乡镇创建");
            await Expect(page.GetByTestId($"version-row-municipal-{published}")).ToContainTextAsync("已发布");
            await browser.ScreenshotAsync("templates-list");

            // The published version as a diagram and an outline.
            await page.GetByTestId($"version-row-municipal-{published}").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/templates/municipal/versions/{published}$"));
            await Expect(Shape(page, "template-diagram", Task)).ToBeVisibleAsync();
            await Expect(Shape(page, "template-diagram", "county-survey")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId($"outline-due-{Task}")).ToContainTextAsync("目标年1月月末");
            await browser.ScreenshotAsync("template-version-diagram");
            await DiagramShotAsync(page, "template-diagram", "template-diagram-only");

            // Editing: a deadline in month 13 is a problem placed on the task in the outline and on the diagram.
            await page.GetByTestId("edit").ClickAsync();
            await page.GetByTestId($"outline-{Task}").ClickAsync();
            await Expect(page.GetByTestId("task-editor")).ToContainTextAsync(Task);
            await page.GetByTestId("edit-due-month").FillAsync("13");
            await page.GetByTestId("edit-due-month").PressAsync("Tab");
            await Expect(page.GetByTestId($"outline-problem-{Task}")).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-testid=validation-problem][data-element='{Task}']")).ToContainTextAsync("组建创建工作领导小组");
            await Expect(Shape(page, "template-diagram", Task, ".shizhu-problem")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("save-draft")).ToBeDisabledAsync();
            await browser.ScreenshotAsync("template-editor-problem");
            await DiagramShotAsync(page, "template-diagram", "template-diagram-problem");

            // Fixed: February; and a second evidence requirement.
            await page.GetByTestId("edit-due-month").FillAsync("2");
            await page.GetByTestId("edit-due-month").PressAsync("Tab");
            await Expect(page.GetByTestId("validation-problems")).ToHaveCountAsync(0);
            await Expect(Shape(page, "template-diagram", Task, ".shizhu-problem")).ToHaveCountAsync(0);
            await page.GetByTestId("add-evidence").ClickAsync();
            await page.GetByTestId("evidence-key-1").FillAsync("meeting-minutes");
            await page.GetByTestId("evidence-key-1").PressAsync("Tab");
            await page.GetByTestId("evidence-label-1").FillAsync("领导小组第一次会议纪要");
            await page.GetByTestId("evidence-label-1").PressAsync("Tab");
            await Expect(page.GetByTestId($"outline-evidence-{Task}")).ToContainTextAsync("领导小组第一次会议纪要");
            await Expect(page.GetByTestId($"outline-due-{Task}")).ToContainTextAsync("目标年2月月末");
            await Expect(page.GetByTestId("validation-problems")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("template-editor-fixed");

            // Saved as the next draft, then published; the version shown before never changed.
            await page.GetByTestId("save-draft").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/templates/municipal/versions/{next}$"));
            await Expect(page.GetByTestId("version-status")).ToHaveTextAsync("草稿");
            await page.GetByTestId("publish").ClickAsync();
            await Expect(page.GetByTestId("version-status")).ToHaveTextAsync("已发布");

            // Migration: both running workflows, a dry run, then the execution with its journal rows.
            await page.GetByTestId("migrate").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/templates/municipal/versions/{next}/migrate$"));
            await Expect(page.GetByTestId("migration-workflow")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("mapping-none")).ToBeVisibleAsync();
            await page.GetByTestId("dry-run").ClickAsync();
            await Expect(page.Locator("[data-testid=dry-run-report] [data-testid=migration-workflow-report][data-status=dryRun]")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("dry-run-report")).ToContainTextAsync("其中 2 个可以迁移");
            await browser.ScreenshotAsync("migration-dry-run");
            await page.GetByTestId("execute").ClickAsync();
            await Expect(page.Locator("[data-testid=migration-result] [data-testid=migration-workflow-report][data-status=migrated]")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("migration-journal")).ToHaveCountAsync(2);
            await browser.ScreenshotAsync("migration-result");

            // The workflow page draws the new version with where the workflow is.
            await page.GotoAsync($"/workflows/{second.WorkflowId}");
            await Expect(page.GetByTestId("workflow-header")).ToContainTextAsync($"第{next}版");
            await Expect(Shape(page, "workflow-diagram", Task, ".shizhu-active")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=workflow-diagram] .djs-element.shizhu-completed")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("workflow-diagram");
            await DiagramShotAsync(page, "workflow-diagram", "workflow-diagram-only");
            await page.SetViewportSizeAsync(390, 844);
            await Expect(Shape(page, "workflow-diagram", Task)).ToHaveCountAsync(1);
            await browser.ScreenshotAsync("workflow-diagram-phone");
        });

        foreach (var scenario in new[] { first, second })
        {
            var workflow = await scenario.WorkflowAsync(admin);
            Assert.Equal(next, workflow["templateVersion"]!.GetValue<int>());
            // The changed deadline was recomputed on the kept task: the end of February of its target year, China time.
            var due = DateTimeOffset.Parse(workflow["tasks"]!.Items().Single(t => t.Str("title") == "组建创建工作领导小组").Str("dueAt"), CultureInfo.InvariantCulture);
            Assert.Equal((workflow["targetYear"]!.GetValue<int>(), 2), (due.ToOffset(TimeSpan.FromHours(8)).Year, due.ToOffset(TimeSpan.FromHours(8)).Month));
            await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "模板测试结束" });
        }
        var version = await admin.GetJsonAsync($"/api/templates/municipal/versions/{published}");
        Assert.DoesNotContain("meeting-minutes", version["definition"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
