using System.Net.Http.Json;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>
/// A 会签 on the task page in a real Chromium (ADR 0045): a department's staff opens its signature and sees "会签 1/3 已签"
/// with every department by its Chinese name and its state, at desktop width and on a phone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CountersignBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheTaskPageShowsWhichDepartmentsHaveSignedTheCountersignOnDesktopAndPhone()
    {
        var scenario = await CountersignScenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var education = await fixture.LoginAsync(scenario.EducationUser, HostFixture.UserPassword);
        await education.PostJsonAsync($"/api/tasks/{await scenario.SignatureOfAsync(admin, "education")}/complete", new { outcome = "approved" });
        var police = await scenario.SignatureOfAsync(admin, "public-security");

        foreach (var (viewport, name) in new[] { (BrowserSession.Desktop, "desktop"), (BrowserSession.Phone, "phone") })
        {
            await using var browser = await BrowserSession.StartAsync(fixture, output, viewport);
            await browser.RunAsync(nameof(TheTaskPageShowsWhichDepartmentsHaveSignedTheCountersignOnDesktopAndPhone), async page =>
            {
                await browser.SignInAsync($"/tasks/{police}", scenario.PoliceUser, HostFixture.UserPassword);
                var progress = page.GetByTestId("countersign-progress");
                await Expect(progress.GetByTestId("countersign-label")).ToHaveTextAsync("会签 1/3 已签");
                var rows = progress.GetByTestId("countersign-instance");
                await Expect(rows).ToHaveCountAsync(3);
                await Expect(rows.Nth(0)).ToContainTextAsync("县教委");
                await Expect(rows.Nth(0)).ToContainTextAsync("已签（同意）");
                await Expect(rows.Nth(1)).ToContainTextAsync("县公安局（本任务）");
                await Expect(rows.Nth(1)).ToContainTextAsync("待签署");
                await Expect(rows.Nth(2)).ToContainTextAsync("县交通局");
                await Expect(progress).Not.ToContainTextAsync("public-security");
                // On a phone the list is one column inside the screen: nothing wider than the viewport.
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(width <= viewport.Width, $"The page is {width} px wide at {viewport.Width} px.");
                await browser.ScreenshotAsync($"countersign-task-page-{name}");
            });
        }

        using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        cancel.EnsureSuccessStatusCode();
    }
}
