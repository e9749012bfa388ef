using System.Globalization;
using Shizhu.Host.Tests.Cockpit;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>督办驾驶舱 in a real Chromium for the whole plan at a simulated day in 2024, its cells checked against the API.</summary>
[Trait("Category", "Browser")]
public sealed class CockpitBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCockpitShowsEveryCellOfThePlanIn2024AsTheApiDoesAndACellOpensTheTasksBehindIt()
    {
        await CockpitPlan.StartAndMoveClockAsync(fixture, CockpitPlan.In2024);
        using var leader = await fixture.LoginAsync("county-leader", HostFixture.UserPassword);
        var dashboard = await leader.GetJsonAsync("/api/dashboard");
        var rows = dashboard["rows"]!.Items().ToList();
        Assert.Equal(12, rows.Count);
        var overdueCell = rows.SelectMany(r => r["cells"]!.Items().Select(c => (Row: r, Cell: c))).First(x => x.Cell.Str("state") == "overdue");
        var behind = await leader.GetJsonAsync(
            $"/api/dashboard/tasks?townshipCode={overdueCell.Row.Str("townshipCode")}&stageKey={overdueCell.Cell.Str("stageKey")}&state=overdue&asOf={Uri.EscapeDataString(dashboard.Str("asOf"))}");

        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TheCockpitShowsEveryCellOfThePlanIn2024AsTheApiDoesAndACellOpensTheTasksBehindIt), async page =>
        {
            await browser.SignInAsync("/dashboard", "county-leader", HostFixture.UserPassword);
            await Expect(page.GetByTestId("cockpit-as-of")).ToHaveTextAsync("截至 2024-05-20");
            await Expect(page.GetByTestId("cockpit-row")).ToHaveCountAsync(12);
            foreach (var row in rows)
            {
                var line = page.Locator($"[data-testid=cockpit-row][data-workflow='{row.Str("workflowId")}']");
                foreach (var cell in row["cells"]!.Items())
                {
                    var td = line.Locator($"[data-testid=cockpit-cell][data-stage='{cell.Str("stageKey")}']");
                    await Expect(td).ToHaveAttributeAsync("data-state", cell.Str("state"));
                    await Expect(td).ToHaveAttributeAsync("data-open", Number(cell["openTasks"]!.GetValue<int>()));
                    await Expect(td).ToHaveAttributeAsync("data-overdue", Number(cell["overdueTasks"]!.GetValue<int>()));
                }
                await Expect(line.GetByTestId("cockpit-progress")).ToHaveTextAsync($"{row["progress"]!["share"]!.GetValue<decimal>() * 100:0.#}%");
            }
            await Expect(page.Locator("[data-testid=cockpit-gantt][data-rendered=true]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=cockpit-chart-overdue][data-rendered=true]")).ToHaveCountAsync(1);
            // Nothing is completed yet in this plan: these two charts say so (尚无办结的任务, 尚无完成的阶段) instead of bare axes.
            await Expect(page.Locator("[data-testid=cockpit-chart-overdue]")).ToHaveAttributeAsync("data-empty", "false");
            await Expect(page.Locator("[data-testid=cockpit-chart-on-time]")).ToHaveAttributeAsync("data-empty", "true");
            await Expect(page.Locator("[data-testid=cockpit-chart-stage-days]")).ToHaveAttributeAsync("data-empty", "true");
            // No subsidy is due before a title is conferred: the table says so instead of showing only its headers.
            await Expect(page.GetByTestId("cockpit-subsidies").GetByTestId("totals-empty")).ToHaveTextAsync("暂无补助记录");
            await browser.ScreenshotAsync("cockpit-desktop");

            await page.Locator($"[data-testid=cockpit-row][data-workflow='{overdueCell.Row.Str("workflowId")}'] [data-testid=cockpit-cell][data-stage='{overdueCell.Cell.Str("stageKey")}']").ClickAsync();
            await Expect(page.GetByTestId("cockpit-task")).ToHaveCountAsync(behind.AsArray().Count);
            Assert.Equal(overdueCell.Cell["overdueTasks"]!.GetValue<int>(), behind.AsArray().Count);
            foreach (var task in behind.Items())
                await Expect(page.Locator($"[data-testid=cockpit-task][data-id='{task.Str("id")}']")).ToContainTextAsync("已逾期");
            await browser.ScreenshotAsync("cockpit-drill-down");

            await page.SetViewportSizeAsync(390, 844);
            await Expect(page.GetByTestId("cockpit-matrix")).ToBeVisibleAsync();
            await browser.ScreenshotAsync("cockpit-phone");
        });
    }

    [Fact]
    public async Task TheCountyOfficeGeneratesEditsApprovesAndPublishesABulletinOnItsPage()
    {
        await CockpitPlan.StartAndMoveClockAsync(fixture, CockpitPlan.In2024);

        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TheCountyOfficeGeneratesEditsApprovesAndPublishesABulletinOnItsPage), async page =>
        {
            await browser.SignInAsync("/bulletins", HostFixture.AdminUser, HostFixture.AdminPassword);
            await page.GetByTestId("bulletin-generate").ClickAsync();
            await Expect(page.GetByTestId("bulletin-status")).ToHaveTextAsync("草稿");
            await Expect(page.GetByTestId("bulletin-township")).ToHaveCountAsync(12);
            await page.GetByTestId("bulletin-foreword").FillAsync("五月，县爱卫办对十二个乡镇的创建工作进行了督查，现将有关情况通报如下。");
            await page.GetByTestId("bulletin-save").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
            await page.GetByTestId("bulletin-approve").ClickAsync();
            await Expect(page.GetByTestId("bulletin-status")).ToHaveTextAsync("已审核");
            await page.GetByTestId("bulletin-publish").ClickAsync();
            await Expect(page.GetByTestId("bulletin-status")).ToHaveTextAsync("已发布");
            await Expect(page.GetByTestId("bulletin-number")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"石柱爱卫督〔2024〕\d+号"));
            await browser.ScreenshotAsync("bulletin-published");
        });
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
