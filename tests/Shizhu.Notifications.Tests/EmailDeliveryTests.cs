using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Email;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class EmailDeliveryTests
{
    const string StaffMail = "tan.xiaomei@zhongyi.shizhu.local";
    const string LeaderMail = "ran.jianguo@zhongyi.shizhu.local";
    const string CountyLeaderMail = "ma.wenhua@shizhu.local";

    // Everyone the audience rules could pick, and some they must not.
    static InMemoryRecipientDirectory Directory() => new InMemoryRecipientDirectory()
        .Add("zhongyi.staff", "谭小梅", StaffMail, Roles.TownshipStaff, Zhongyi)
        .Add("zhongyi.leader", "冉建国", LeaderMail, Roles.TownshipLeader, Zhongyi)
        .Add("zhongyi.nomail", "秦大山", null, Roles.TownshipStaff, Zhongyi)
        .Add("county.leader", "马文华", CountyLeaderMail, Roles.CountyLeader, null)
        .Add("qiaotou.staff", "向红", "xiang.hong@qiaotou.shizhu.local", Roles.TownshipStaff, Qiaotou)
        .Add("qiaotou.leader", "陈立", "chen.li@qiaotou.shizhu.local", Roles.TownshipLeader, Qiaotou);

    static Dictionary<string, string?> Settings(int port, bool enabled = true) => new()
    {
        ["Notifications:Email:Enabled"] = enabled ? "true" : "false",
        ["Notifications:Email:SmtpHost"] = "127.0.0.1",
        ["Notifications:Email:SmtpPort"] = port.ToString(),
    };

    [Fact]
    public async Task AnOverdueTaskIsMailedInChineseToEveryoneItConcernsAndToNobodyElse()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        await using var host = await NotificationsTestHost.StartAsync(Directory(), Settings(smtp.Port));
        var overdue = TaskOverdue(Roles.TownshipStaff);

        await host.PublishAndWaitAsync(overdue);

        Assert.Equal([CountyLeaderMail, LeaderMail, StaffMail], smtp.Messages.Select(To).Order());
        var toStaff = smtp.Messages.Single(m => To(m) == StaffMail);
        Assert.Equal("任务逾期：提交整改报告", toStaff.Subject);
        Assert.Contains("谭小梅：", toStaff.TextBody);
        Assert.Contains("中益乡的任务“提交整改报告”已于2026年5月31日 23:59（北京时间）到期", toStaff.TextBody);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(toStaff.From));
        Assert.Equal(("石柱县爱卫办", "noreply@shizhu.local"), (from.Name, from.Address));

        var log = await DeliveriesAsync(host, overdue.EventId);
        Assert.Equal([CountyLeaderMail, LeaderMail, StaffMail], log.Select(d => d.Recipient).Order());
        Assert.All(log, d => Assert.Equal((DeliveryStatus.Sent, Channels.Email, host.Clock.GetUtcNow()), (d.Status, d.Channel, d.At)));
    }

    [Fact]
    public async Task ARedeliveredEventSendsNoMailAgain()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        await using var host = await NotificationsTestHost.StartAsync(Directory(), Settings(smtp.Port));
        var created = TaskCreated(Roles.TownshipStaff);

        await host.PublishAndWaitAsync(created);
        await host.PublishAndWaitAsync(created, deliveries: 2);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(StaffMail, To(mail));
        Assert.Equal("新任务：提交整改报告", mail.Subject);
        Assert.Contains("截止时间：2026年5月31日 23:59（北京时间）", mail.TextBody);
        Assert.Equal(1, smtp.Sessions);
        Assert.Single(await DeliveriesAsync(host, created.EventId));
    }

    [Fact]
    public async Task WithEmailDisabledNothingIsSentButTheEventIsMarkedProcessed()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        await using var host = await NotificationsTestHost.StartAsync(Directory(), Settings(smtp.Port, enabled: false));
        var overdue = TaskOverdue();

        await host.PublishAndWaitAsync(overdue);

        Assert.Equal(0, smtp.Sessions);
        Assert.Empty(smtp.Messages);
        Assert.Empty(await DeliveriesAsync(host, overdue.EventId));
        Assert.True(await host.QueryDbAsync(db =>
            db.ProcessedEvents.AnyAsync(p => p.Consumer == Channels.Email && p.EventId == overdue.EventId)));
    }

    [Fact]
    public async Task AnAddressTheServerRefusesIsLoggedAsFailedAndTheOthersStillGetTheirMail()
    {
        await using var smtp = await LocalSmtpServer.StartAsync(refused: StaffMail);
        await using var host = await NotificationsTestHost.StartAsync(Directory(), Settings(smtp.Port));
        var overdue = TaskOverdue();

        await host.PublishAndWaitAsync(overdue);

        Assert.Equal([CountyLeaderMail, LeaderMail], smtp.Messages.Select(To).Order());
        var refused = (await DeliveriesAsync(host, overdue.EventId)).Single(d => d.Recipient == StaffMail);
        Assert.Equal(DeliveryStatus.DeadLetter, refused.Status);
        Assert.False(string.IsNullOrEmpty(refused.Error));

        // A refusal for good is not retried: an hour later the sweep has nothing to send.
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.SweepAsync());
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task AMailServerThatIsDownIsRetriedUntilTheMailGoesThrough()
    {
        var port = FreeLoopbackPort();
        await using var host = await NotificationsTestHost.StartAsync(Directory(), Settings(port));
        var created = TaskCreated(Roles.TownshipStaff);

        // The event is taken (processed) at once: the delivery log, not the broker, keeps the mail until it goes.
        await host.PublishAndWaitAsync(created);
        var failed = Assert.Single(await DeliveriesAsync(host, created.EventId));
        Assert.Equal((DeliveryStatus.Retrying, 1), (failed.Status, failed.Attempts));
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        await using var smtp = await LocalSmtpServer.StartAsync(port);
        Assert.Equal(0, await host.SweepAsync()); // not due yet
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await host.SweepAsync());

        Assert.Equal(StaffMail, To(Assert.Single(smtp.Messages)));
        var sent = Assert.Single(await DeliveriesAsync(host, created.EventId));
        Assert.Equal((DeliveryStatus.Sent, null, 2), (sent.Status, sent.Error, sent.Attempts));
    }

    static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    static Task<List<Delivery>> DeliveriesAsync(NotificationsTestHost host, Guid eventId) =>
        host.QueryDbAsync(db => db.Deliveries.Where(d => d.EventId == eventId).ToListAsync());

    /// <summary>A port nothing listens on, so the first attempt is refused at once.</summary>
    static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
