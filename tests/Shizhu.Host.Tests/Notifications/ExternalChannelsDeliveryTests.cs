using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Notifications;

/// <summary>
/// Issue 15 end to end on the real Host (PostgreSQL, RabbitMQ, the outbox relay, the delivery sweep): a workflow's
/// new tasks reach the township's staff through WeCom, the DingTalk robot and SMS — providers played by local
/// listeners — each task exactly once per channel, and the delivery log says sent; through a provider outage too.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ExternalChannelsDeliveryTests(ChannelsHostFixture fixture) : IClassFixture<ChannelsHostFixture>
{
    static readonly string[] ChannelNames = ["wecom", "dingtalk-robot", "sms"];

    sealed record Staff(string UserName, string Mobile, string WeComUserId, HttpClient Client, string WorkflowId, int Tasks);

    [Fact]
    public async Task ANewTaskReachesTheTownshipStaffOnWeComTheDingTalkRobotAndSmsOnceEachAndIsLoggedAsSent()
    {
        var staff = await StartWorkflowForStaffWithContactsAsync();

        var rows = await WaitUntilAllSentAsync(staff);

        foreach (var channel in ChannelNames)
            Assert.All(rows[channel], row => Assert.Equal(1, row["attempts"]!.GetValue<int>()));
        // One request per task and channel, each to the person's own address, and none sent twice.
        Assert.Equal(staff.Tasks, fixture.AcceptedFor(fixture.WeCom, staff.WeComUserId).Count);
        Assert.Equal(staff.Tasks, fixture.AcceptedFor(fixture.DingTalk, staff.Mobile).Count);
        Assert.Equal(staff.Tasks, fixture.AcceptedFor(fixture.Sms, staff.Mobile).Count);
        await AssertNothingMoreIsSentAsync(staff);
    }

    [Fact]
    public async Task AfterAProviderOutageEveryTaskIsDeliveredOnEachChannelExactlyOnce()
    {
        fixture.Outage = true;
        Staff staff;
        try
        {
            staff = await StartWorkflowForStaffWithContactsAsync();
            using var admin = await fixture.LoginAsAdminAsync();
            // Each channel has tried, failed and retried during the outage.
            foreach (var channel in ChannelNames)
                await Eventually.UntilAsync(() => DeliveriesAsync(admin, channel, staff.UserName),
                    rows => rows.Count == staff.Tasks && rows.All(r => r.Str("status") == "retrying" && r["attempts"]!.GetValue<int>() >= 2),
                    $"every {channel} delivery to be retried during the outage", TimeSpan.FromSeconds(60));
        }
        finally
        {
            fixture.Outage = false;
        }

        var rows = await WaitUntilAllSentAsync(staff);

        foreach (var channel in ChannelNames)
        {
            // Each delivery went out in exactly one accepted request — alone or batched with the person's others.
            Assert.All(rows[channel], row => Assert.Single(row["attemptLog"]!.Items(), a => a.Str("outcome") == "sent"));
            var accepted = rows[channel].Sum(row => 1.0 / row["attemptLog"]!.Items().Single(a => a.Str("outcome") == "sent")["batchSize"]!.GetValue<int>());
            var listener = channel == "wecom" ? fixture.WeCom : channel == "sms" ? fixture.Sms : fixture.DingTalk;
            var address = channel == "wecom" ? staff.WeComUserId : staff.Mobile;
            Assert.Equal((int)Math.Round(accepted), fixture.AcceptedFor(listener, address).Count);
        }
        await AssertNothingMoreIsSentAsync(staff);
    }

    /// <summary>
    /// A township of the test's own whose staff member has a WeCom account and a mobile number and chose SMS for new
    /// tasks (by default SMS carries only overdue, escalation and urge); then its workflow starts and creates tasks.
    /// </summary>
    async Task<Staff> StartWorkflowForStaffWithContactsAsync()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var userName = $"chn-{suffix}";
        var mobile = $"139{Random.Shared.Next(0, 100_000_000):D8}";
        var weComUserId = $"wc{suffix}";
        await fixture.CreateUserAsync(userName, "township-staff", code);
        using (var contact = await admin.PutAsJsonAsync($"/api/users/{userName}/contact", new { mobile, weComUserId }))
            contact.EnsureSuccessStatusCode();
        var client = await fixture.LoginAsync(userName, HostFixture.UserPassword);
        using (var choice = await client.PutAsJsonAsync("/api/me/notification-preferences", new[] { new { kind = "taskAssigned", channel = "sms", enabled = true } }))
            choice.EnsureSuccessStatusCode();

        var now = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), System.Globalization.CultureInfo.InvariantCulture);
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year + 1;
        var workflow = await admin.PostJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = year });
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{year}-01-02T09:00:00+08:00" });
        var workflowId = workflow.Str("id");
        var tasks = await Eventually.UntilAsync(
            async () => (await client.GetJsonAsync("/api/inbox")).Items().Count(i => i.Str("workflowId") == workflowId), n => n > 0,
            "the workflow's first tasks in the staff member's inbox");
        return new Staff(userName, mobile, weComUserId, client, workflowId, tasks);
    }

    async Task<Dictionary<string, List<JsonNode>>> WaitUntilAllSentAsync(Staff staff)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var rows = new Dictionary<string, List<JsonNode>>();
        foreach (var channel in ChannelNames)
            rows[channel] = await Eventually.UntilAsync(() => DeliveriesAsync(admin, channel, staff.UserName),
                found => found.Count == staff.Tasks && found.All(r => r.Str("status") == "sent"),
                $"every {channel} delivery to the staff member to be sent", TimeSpan.FromSeconds(60));
        return rows;
    }

    static async Task<List<JsonNode>> DeliveriesAsync(HttpClient admin, string channel, string userName) =>
        [.. (await admin.GetJsonAsync($"/api/deliveries?channel={channel}&recipient={userName}&pageSize=100"))["items"]!.Items()];

    /// <summary>A few sweeps later (1 s apart) no provider has been asked again: nothing is sent twice.</summary>
    async Task AssertNothingMoreIsSentAsync(Staff staff)
    {
        var before = (fixture.AcceptedFor(fixture.WeCom, staff.WeComUserId).Count, fixture.AcceptedFor(fixture.DingTalk, staff.Mobile).Count,
            fixture.AcceptedFor(fixture.Sms, staff.Mobile).Count);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before, (fixture.AcceptedFor(fixture.WeCom, staff.WeComUserId).Count, fixture.AcceptedFor(fixture.DingTalk, staff.Mobile).Count,
            fixture.AcceptedFor(fixture.Sms, staff.Mobile).Count));
        staff.Client.Dispose();
    }
}
