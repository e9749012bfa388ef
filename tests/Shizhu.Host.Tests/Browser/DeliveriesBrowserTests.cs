using System.Net.Http.Json;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>投递记录 and 通知设置 in a real Chromium: the county office resends a dead letter; a person changes their channels.</summary>
[Trait("Category", "Browser")]
public sealed class DeliveriesBrowserTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCountyOfficeResendsADeadLetterFromTheDeliveryLogAndSeesItSent()
    {
        var address = $"dead-{Guid.NewGuid():N}@test.local";
        var title = $"逾期通知 {Guid.NewGuid():N}"[..16];
        await DeadLetters.AddEmailAsync(fixture, address, title);
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(TheCountyOfficeResendsADeadLetterFromTheDeliveryLogAndSeesItSent), async page =>
        {
            await browser.SignInAsync($"/deliveries?recipient={address}", HostFixture.AdminUser, HostFixture.AdminPassword);
            await Expect(page.GetByTestId("nav-deliveries")).ToBeVisibleAsync();
            var row = page.GetByTestId("delivery-row");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToHaveAttributeAsync("data-status", "DeadLetter");
            await Expect(row).ToContainTextAsync("投递失败");
            await Expect(row).ToContainTextAsync("Connection refused");
            await Expect(row).ToContainTextAsync(title);
            await browser.ScreenshotAsync("deliveries-dead-letter");

            await row.GetByTestId("resend-delivery").ClickAsync();
            await Expect(page.GetByText("已重新发送 1 条，稍后投递。")).ToBeVisibleAsync();

            // The background sweep mails it within a second or two; the page shows it on refresh.
            for (var i = 0; i < 40 && await row.GetAttributeAsync("data-status") != "Sent"; i++)
            {
                await Task.Delay(500);
                await page.GetByTestId("reload-deliveries").ClickAsync();
            }
            await Expect(row).ToHaveAttributeAsync("data-status", "Sent");
            await Expect(row).ToContainTextAsync($"{HostFixture.AdminUser} 于");
            await browser.ScreenshotAsync("deliveries-resent");
        });
        Assert.Single(fixture.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == address) && m.Subject == title);
    }

    [Fact]
    public async Task APersonTurnsOffOverdueMailOnTheSettingsPageAndCannotOpenTheDeliveryLog()
    {
        var user = $"set-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", fixture.NextTownshipCode());
        await using var browser = await BrowserSession.StartAsync(fixture, output);
        await browser.RunAsync(nameof(APersonTurnsOffOverdueMailOnTheSettingsPageAndCannotOpenTheDeliveryLog), async page =>
        {
            await browser.SignInAsync("/notification-settings", user, HostFixture.UserPassword);
            await Expect(page.GetByTestId("nav-deliveries")).ToHaveCountAsync(0);
            var overdue = page.Locator("[data-testid=preference-row][data-kind=Overdue]");
            await Expect(overdue).ToContainTextAsync("逾期通知");
            await browser.ScreenshotAsync("notification-settings");

            await overdue.GetByTestId("preference-Overdue-email").ClickAsync();
            await page.GetByTestId("save-preferences").ClickAsync();
            await Expect(page.GetByText("通知设置已保存。")).ToBeVisibleAsync();

            await page.GotoAsync("/deliveries");
            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        });

        using var client = await fixture.LoginAsync(user, HostFixture.UserPassword);
        var grid = await client.GetJsonAsync("/api/me/notification-preferences");
        var email = grid.Items().Single(k => k.Str("kind") == "overdue")["channels"]!.Items().Single(c => c.Str("channel") == "email");
        Assert.False(email["enabled"]!.GetValue<bool>());
    }
}
