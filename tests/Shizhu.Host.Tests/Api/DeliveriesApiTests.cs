using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// 投递记录 over HTTP on the real Host (PostgreSQL, RabbitMQ, the SMTP listener, the background sweep): the county
/// office reads the delivery log filtered and paged, and resends a dead letter, which the sweep mails once.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class DeliveriesApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCountyOfficeFindsAWorkflowsMailInTheDeliveryLogByChannelStatusDateAndPage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var query = $"/api/deliveries?channel=email&status=sent&recipient={scenario.StaffUser}";

        var page = await Eventually.UntilAsync(() => admin.GetJsonAsync(query), p => p["total"]!.GetValue<int>() > 0,
            "the staff member's task mail in the delivery log");

        var row = page["items"]!.Items().First();
        Assert.Equal(("email", "电子邮件", "sent", "已发送"), (row.Str("channel"), row.Str("channelName"), row.Str("status"), row.Str("statusName")));
        Assert.Equal($"{scenario.StaffUser}@test.local", row.Str("recipient"));
        Assert.Equal("sent", row["attemptLog"]!.Items().Last().Str("outcome"));
        var day = DateTimeOffset.Parse(row.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8));
        var total = page["total"]!.GetValue<int>();

        var sameDay = await admin.GetJsonAsync($"{query}&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&pageSize=1");
        // More of the workflow's mails may have arrived meanwhile, all on the same simulated day.
        Assert.True(sameDay["total"]!.GetValue<int>() >= total);
        Assert.Single(sameDay["items"]!.AsArray());
        var dayBefore = await admin.GetJsonAsync($"{query}&to={day.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(0, dayBefore["total"]!.GetValue<int>());
        var deadLetters = await admin.GetJsonAsync($"/api/deliveries?status=deadLetter&recipient={scenario.StaffUser}");
        Assert.Equal(0, deadLetters["total"]!.GetValue<int>());
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task ADeadLetterResentByTheCountyOfficeIsMailedOnceAndTheResendIsJournaled()
    {
        var address = $"dead-{Guid.NewGuid():N}@test.local";
        var title = $"逾期通知 {Guid.NewGuid():N}";
        var id = await DeadLetters.AddEmailAsync(fixture, address, title);

        using var admin = await fixture.LoginAsAdminAsync();
        var answer = await admin.PostJsonAsync("/api/deliveries/resend", new { ids = new[] { id } });
        Assert.Equal([id], answer["resent"]!.Items().Select(n => n.GetValue<long>()));

        var row = await Eventually.UntilAsync(async () => (await admin.GetJsonAsync($"/api/deliveries?recipient={address}"))["items"]!.Items().Single(),
            r => r.Str("status") == "sent", "the sweep to mail the resent delivery");
        Assert.Equal(HostFixture.AdminUser, row.Str("resentBy"));
        Assert.Contains(row["attemptLog"]!.Items(), a => a.Str("outcome") == "resendRequested" && a.Str("actor") == HostFixture.AdminUser);
        Assert.Single(fixture.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == address) && m.Subject == title);

        var again = await admin.PostJsonAsync("/api/deliveries/resend", new { ids = new[] { id } });
        Assert.Empty(again["resent"]!.AsArray());
        Assert.Equal("只能重发投递失败或等待重试的记录，此记录为“已发送”。", again["refused"]!.Items().Single().Str("reason"));
        Assert.Single(fixture.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == address));
    }

    [Fact]
    public async Task TownshipStaffMayNeitherReadTheDeliveryLogNorResend()
    {
        var user = $"dlv-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", fixture.NextTownshipCode());
        using var staff = await fixture.LoginAsync(user, HostFixture.UserPassword);

        using var list = await staff.GetAsync("/api/deliveries");
        using var resend = await staff.PostAsJsonAsync("/api/deliveries/resend", new { ids = new[] { 1 } });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, resend.StatusCode));
    }

    [Theory]
    [InlineData("/api/deliveries?status=lost", "status")]
    [InlineData("/api/deliveries?from=2022-13-01", "from")]
    [InlineData("/api/deliveries?from=2022-02-01&to=2022-01-01", "to")]
    [InlineData("/api/deliveries?page=0", "page")]
    [InlineData("/api/deliveries?pageSize=1000", "pageSize")]
    public async Task ABadFilterIsRefusedNamingItsField(string url, string field)
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task AResendWithoutIdsIsRefusedNamingIds()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/deliveries/resend", new { ids = Array.Empty<long>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请选择要重发的投递记录。", (await response.ReadJsonAsync())["errors"]!["ids"]![0]!.GetValue<string>());
    }
}
