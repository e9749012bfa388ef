using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Outbound.DingTalk;
using Shizhu.Notifications.Outbound.Sms;
using Shizhu.Notifications.Outbound.WeCom;
using Shizhu.Notifications.Pipeline;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Testing.Http;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests.Outbound;

/// <summary>
/// The senders wired into the delivery pipeline (issue 15): a provider section switched on gives its channel a
/// sender, a consumer on the bus and a place in the list the outbox reconciliation waits for; one switched off, none.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ChannelWiringTests
{
    static readonly Recipient Tan = new("zhongyi.staff", "谭晓梅", null, Mobile: "13912345678", WeComUserId: "TanXiaoMei");

    static Dictionary<string, string?> WeComRobotAndSms(Uri provider) => new()
    {
        ["Notifications:WeCom:Enabled"] = "true",
        ["Notifications:WeCom:BaseAddress"] = provider.ToString(),
        ["Notifications:WeCom:RobotKey"] = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
        ["Notifications:Sms:Enabled"] = "true",
        ["Notifications:Sms:BaseAddress"] = provider.ToString(),
        ["Notifications:Sms:AccessKeyId"] = "LTAI5tTestKeyId",
        ["Notifications:Sms:AccessKeySecret"] = "test-key-secret",
        ["Notifications:Sms:SignName"] = "石柱县爱卫办",
        ["Notifications:Sms:Templates:Overdue:Code"] = "SMS_465890124",
        ["Notifications:Sms:Templates:Overdue:Text"] = "${township}的任务“${subject}”已于${time}逾期，请尽快督办。",
        // Complete but switched off: it must get neither a sender nor a consumer.
        ["Notifications:DingTalk:Enabled"] = "false",
        ["Notifications:DingTalk:RobotAccessToken"] = "9b781aec3378947947e0ed1cbd8ad593",
        ["Notifications:DingTalk:RobotSecret"] = "SEC0123456789abcdef",
    };

    [Fact]
    public async Task AnEventReachesTheEnabledChannelsProvidersThroughTheirConsumersAndOnlyThose()
    {
        await using var provider = await LocalHttpListener.StartAsync(request => request.Path == "/cgi-bin/webhook/send"
            ? ListenerReply.Json("""{"errcode":0,"errmsg":"ok"}""")
            : ListenerReply.Json("""{"Message":"OK","RequestId":"r-1","Code":"OK","BizId":"b-1"}"""));
        await using var host = await NotificationsTestHost.StartAsync(
            new InMemoryRecipientDirectory().Add(Tan, Roles.TownshipStaff, Zhongyi), WeComRobotAndSms(provider.BaseAddress));
        var overdue = TaskOverdue();

        await host.Harness.Bus.Publish(overdue);
        await host.WaitUntilConsumedAsync<NotificationConsumer<SenderChannel<WeComRobotSender>>, TaskOverdue>(overdue);
        await host.WaitUntilConsumedAsync<NotificationConsumer<SenderChannel<SmsSender>>, TaskOverdue>(overdue);
        await host.WaitUntilConsumedAsync<NotificationConsumer<SenderChannel<Email.EmailSender>>, TaskOverdue>(overdue);

        var robot = Assert.Single(provider.RequestsTo("/cgi-bin/webhook/send"));
        using (var body = JsonDocument.Parse(robot.Body))
            Assert.Contains("提交整改报告", body.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        var sms = Assert.Single(provider.Requests, r => r.Path == "/");
        Assert.Contains("PhoneNumbers=13912345678", sms.Body);
        var log = await host.QueryDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.EventId == overdue.EventId)
            .Select(d => new { d.Channel, d.Recipient, d.Status }).ToListAsync());
        Assert.Equal(
            [(Channels.Sms, "13912345678", DeliveryStatus.Sent), (Channels.WeComRobot, "13912345678", DeliveryStatus.Sent)],
            log.Select(d => (d.Channel, d.Recipient, d.Status)).OrderBy(d => d.Channel));
        await host.WaitUntilAsync(async db => await db.ProcessedEvents.CountAsync(p => p.EventId == overdue.EventId) == 4);
        var consumers = await host.QueryDbAsync(db => db.ProcessedEvents.Where(p => p.EventId == overdue.EventId).Select(p => p.Consumer).ToListAsync());
        // The consumers that marked the event are exactly those the reconciliation waits for.
        Assert.Equal(
            NotificationsServiceCollectionExtensions.NotificationConsumerNames(Configuration(WeComRobotAndSms(provider.BaseAddress))).Order(),
            consumers.Order());
    }

    [Fact]
    public void WithNoProviderSwitchedOnTheReconciliationWaitsForInAppAndEmailOnly()
    {
        var names = NotificationsServiceCollectionExtensions.NotificationConsumerNames(Configuration(new()
        {
            // Credentials without the switch do nothing.
            ["Notifications:WeCom:CorpId"] = "ww5a1b2c3d4e5f6789",
            ["Notifications:WeCom:AgentId"] = "1000002",
            ["Notifications:WeCom:Secret"] = "app-secret",
        }));

        Assert.Equal([Channels.InApp, Channels.Email], names);
    }

    [Fact]
    public void EveryProviderSwitchedOnWithBothItsApisPutsAllFiveChannelsOnTheReconciliationsList()
    {
        var names = NotificationsServiceCollectionExtensions.NotificationConsumerNames(Configuration(new()
        {
            ["Notifications:WeCom:Enabled"] = "true",
            ["Notifications:WeCom:CorpId"] = "ww5a1b2c3d4e5f6789",
            ["Notifications:WeCom:AgentId"] = "1000002",
            ["Notifications:WeCom:Secret"] = "app-secret",
            ["Notifications:WeCom:RobotKey"] = "robot-key",
            ["Notifications:DingTalk:Enabled"] = "true",
            ["Notifications:DingTalk:AppKey"] = "ding-app",
            ["Notifications:DingTalk:AppSecret"] = "ding-secret",
            ["Notifications:DingTalk:AgentId"] = "2000001",
            ["Notifications:DingTalk:RobotAccessToken"] = "robot-token",
            ["Notifications:DingTalk:RobotSecret"] = "SEC0123",
            ["Notifications:Sms:Enabled"] = "true",
        }));

        Assert.Equal([Channels.InApp, Channels.Email, Channels.WeCom, Channels.WeComRobot, Channels.DingTalk, Channels.DingTalkRobot, Channels.Sms], names);
    }

    [Fact]
    public void TheRobotsDefaultToTwentyMessagesAMinuteAndEveryChannelHasAChineseName()
    {
        Assert.Equal((20, TimeSpan.FromMinutes(1)), ChannelDefaults.RateLimit(Channels.DingTalkRobot));
        Assert.Equal((20, TimeSpan.FromMinutes(1)), ChannelDefaults.RateLimit(Channels.WeComRobot));
        Assert.Equal((20, TimeSpan.FromMinutes(1)), ChannelDefaults.RateLimit(Channels.DingTalk));
        Assert.Equal((30, TimeSpan.FromMinutes(1)), ChannelDefaults.RateLimit(Channels.WeCom));
        Assert.Null(ChannelDefaults.RateLimit(Channels.Sms));
        Assert.DoesNotContain(Sending.MessageKind.Progress, ChannelDefaults.DefaultKinds(Channels.WeComRobot));
        Assert.DoesNotContain(Sending.MessageKind.Progress, ChannelDefaults.DefaultKinds(Channels.DingTalkRobot));
        Assert.Equal(
            ["企业微信", "企业微信群机器人", "钉钉", "钉钉群机器人", "短信"],
            new[] { Channels.WeCom, Channels.WeComRobot, Channels.DingTalk, Channels.DingTalkRobot, Channels.Sms }.Select(DeliveryNames.Channel));
    }

    static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
