using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Pipeline;
using Shizhu.Notifications.Preferences;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests.DeliveryPipeline;

/// <summary>
/// The delivery pipeline of the external channels (ADR 0030) over a provider under the test's control: outages,
/// refusals, dead letters and resends, quiet hours, preferences and the county's switch, the rate limit and batching,
/// restarts. Runs on SQLite and on PostgreSQL (ADR 0019).
/// </summary>
public abstract class DeliveryPipelineTests(DatabaseProvider provider)
{
    static readonly Recipient Tan = new("zhongyi.staff", "谭小梅", null, Mobile: "13800000001", WeComUserId: "TanXiaoMei");
    static readonly Recipient Ran = new("zhongyi.leader", "冉建国", null, Mobile: "13800000002", WeComUserId: "RanJianGuo");

    static readonly Audience Staff = new(Roles.TownshipStaff, Zhongyi);
    static readonly Audience Leaders = new(Roles.TownshipLeader, Zhongyi);

    readonly ScriptedWeCom wecom = new();
    readonly ScriptedSms sms = new();

    async Task<NotificationsTestHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Channels:wecom:Enabled"] = "true",
            ["Notifications:Delivery:Channels:sms:Enabled"] = "true",
        };
        foreach (var (key, value) in settings)
            all[$"Notifications:Delivery:{key}"] = value;
        var directory = new InMemoryRecipientDirectory()
            .Add(Tan, Roles.TownshipStaff, Zhongyi)
            .Add(Ran, Roles.TownshipLeader, Zhongyi);
        return await NotificationsTestHost.StartAsync(directory, all, (services, _) =>
        {
            services.AddSingleton(wecom).AddMessageSender<ScriptedWeCom>();
            services.AddSingleton(sms).AddMessageSender<ScriptedSms>();
        }, provider);
    }

    static AudienceMessage Message(MessageKind kind, string title, params Audience[] audiences) =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, title, $"{ZhongyiName}的任务“{title}”需要处理。", audiences, kind);

    static Task DeliverAsync<TSender>(NotificationsTestHost host, AudienceMessage message) where TSender : IMessageSender =>
        host.InScopeAsync<SenderChannel<TSender>, bool>(async channel =>
        {
            await channel.DeliverAsync(message, CancellationToken.None);
            return true;
        });

    static Task<List<Deliveries.Delivery>> LogAsync(NotificationsTestHost host) =>
        host.QueryDbAsync(db => db.Deliveries.Include(d => d.AttemptLog).OrderBy(d => d.Id).ToListAsync());

    /// <summary>Moves the clock in steps of <paramref name="step"/> up to <paramref name="span"/>, sweeping after each, as the Host's sweep would.</summary>
    static async Task RunSweepsAsync(NotificationsTestHost host, TimeSpan span, TimeSpan step, Action<TimeSpan>? at = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += step)
        {
            host.Clock.Advance(step);
            at?.Invoke(elapsed + step);
            await host.SweepAsync();
        }
    }

    [Fact]
    public async Task AProviderOutageOfSeveralMinutesThenRecoveryDeliversEveryMessageExactlyOnce()
    {
        await using var host = await StartAsync();
        string[] titles = ["提交整改报告", "上传佐证材料", "填报调研数据"];
        wecom.Down = true;

        foreach (var title in titles)
            await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.TaskAssigned, title, Staff, Leaders));
        Assert.All(await LogAsync(host), d => Assert.Equal(DeliveryStatus.Retrying, d.Status));

        // Six minutes of outage, then the provider answers again; the sweep runs every 15 seconds throughout.
        await RunSweepsAsync(host, TimeSpan.FromMinutes(12), TimeSpan.FromSeconds(15), at: elapsed => wecom.Down = elapsed < TimeSpan.FromMinutes(6));

        var log = await LogAsync(host);
        Assert.Equal(6, log.Count);
        Assert.All(log, d => Assert.Equal((DeliveryStatus.Sent, null), (d.Status, d.Error)));
        foreach (var address in new[] { Tan.WeComUserId!, Ran.WeComUserId! })
            foreach (var title in titles)
                Assert.Equal(1, wecom.TimesDelivered(address, title));
        Assert.True(wecom.Calls.Count(c => c.Address == Tan.WeComUserId) >= 4, "the outage was retried with back-off");
        Assert.All(log, d =>
        {
            Assert.Equal(AttemptOutcome.Sent, d.AttemptLog.OrderBy(a => a.At).Last().Outcome);
            Assert.Contains(d.AttemptLog, a => a is { Outcome: AttemptOutcome.TransientFailure, ProviderAnswer: "503 Service Unavailable" });
        });
    }

    [Fact]
    public async Task TheSameEventDeliveredTwiceIsSentOnce()
    {
        await using var host = await StartAsync();
        var message = Message(MessageKind.Overdue, "提交整改报告", Staff);

        await DeliverAsync<ScriptedWeCom>(host, message);
        await DeliverAsync<ScriptedWeCom>(host, message);

        Assert.Single(wecom.Calls);
        Assert.Single(await LogAsync(host));
    }

    [Fact]
    public async Task APermanentRefusalIsNeverRetriedAndBecomesADeadLetter()
    {
        await using var host = await StartAsync();
        wecom.Refused.Add(Tan.WeComUserId!);

        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Overdue, "提交整改报告", Staff, Leaders));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.SweepAsync());

        var log = await LogAsync(host);
        var refused = log.Single(d => d.UserName == Tan.UserName);
        Assert.Equal((DeliveryStatus.DeadLetter, "40003 invalid userid", null), (refused.Status, refused.Error, refused.NextAttemptAt));
        Assert.Equal(AttemptOutcome.PermanentFailure, Assert.Single(refused.AttemptLog).Outcome);
        Assert.Single(wecom.Calls, c => c.Address == Tan.WeComUserId);
        Assert.Equal(DeliveryStatus.Sent, log.Single(d => d.UserName == Ran.UserName).Status);
    }

    [Fact]
    public async Task AFailureOutlastingTheLastAttemptIsADeadLetterThatAnAdministratorResendsOnce()
    {
        await using var host = await StartAsync(("Retry:MaxAttempts", "3"));
        wecom.Down = true;
        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Overdue, "提交整改报告", Staff));
        await RunSweepsAsync(host, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(15));

        var dead = Assert.Single(await LogAsync(host));
        Assert.Equal((DeliveryStatus.DeadLetter, 3), (dead.Status, dead.Attempts));
        Assert.Equal(3, wecom.Calls.Count);

        wecom.Down = false;
        var result = await host.InScopeAsync<DeliveryResender, ResendResult>(r => r.ResendAsync([dead.Id, dead.Id + 1000], "admin", CancellationToken.None));
        Assert.Equal([dead.Id], result.Resent);
        Assert.Equal("投递记录不存在。", result.Refused[dead.Id + 1000]);
        Assert.Equal(1, await host.SweepAsync());
        await RunSweepsAsync(host, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15));

        var sent = Assert.Single(await LogAsync(host));
        Assert.Equal((DeliveryStatus.Sent, "admin", 1), (sent.Status, sent.ResentBy, sent.Attempts));
        var resend = Assert.Single(sent.AttemptLog, a => a.Outcome == AttemptOutcome.ResendRequested);
        Assert.Equal(("admin", host.Clock.GetUtcNow() - TimeSpan.FromMinutes(5)), (resend.Actor, resend.At));
        Assert.Equal(1, wecom.TimesDelivered(Tan.WeComUserId!, "提交整改报告"));

        var again = await host.InScopeAsync<DeliveryResender, ResendResult>(r => r.ResendAsync([sent.Id], "admin", CancellationToken.None));
        Assert.Empty(again.Resent);
        Assert.Equal("只能重发投递失败或等待重试的记录，此记录为“已发送”。", again.Refused[sent.Id]);
    }

    [Fact]
    public async Task AtNightAnSmsWaitsUntilHalfPastSevenChinaTimeWhileAnEscalationGoesAtOnce()
    {
        await using var host = await StartAsync();
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 15, 0, 0, TimeSpan.Zero)); // 23:00 in China

        await DeliverAsync<ScriptedSms>(host, Message(MessageKind.Overdue, "提交整改报告", Staff));
        await DeliverAsync<ScriptedSms>(host, Message(MessageKind.Escalation, "整改逾期升级督办", Staff));
        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Overdue, "提交整改报告", Staff));

        var morning = new DateTimeOffset(2026, 5, 10, 23, 30, 0, TimeSpan.Zero); // 07:30 on 11 May in China
        var held = (await LogAsync(host)).Single(d => d is { Channel: "sms", Kind: MessageKind.Overdue });
        Assert.Equal((DeliveryStatus.Held, HoldReasons.QuietHours, morning), (held.Status, held.HeldFor, held.NextAttemptAt));
        Assert.Equal(["整改逾期升级督办"], sms.Accepted.Select(m => m.Message.Title));
        Assert.Single(wecom.Accepted); // WeCom is not quiet unless the county office says so

        host.Clock.SetUtcNow(morning - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await host.SweepAsync());
        host.Clock.SetUtcNow(morning);
        Assert.Equal(1, await host.SweepAsync());

        Assert.Equal(["整改逾期升级督办", "提交整改报告"], sms.Accepted.Select(m => m.Message.Title));
        Assert.All(await LogAsync(host), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task QuietHoursAreConfigurablePerChannel()
    {
        await using var host = await StartAsync(("Channels:wecom:QuietHours", "true"), ("QuietHours:Start", "21:00"), ("QuietHours:End", "08:00"));
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 13, 30, 0, TimeSpan.Zero)); // 21:30 in China

        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Reminder, "提交整改报告", Staff));

        Assert.Empty(wecom.Calls);
        var held = Assert.Single(await LogAsync(host));
        Assert.Equal(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero), held.NextAttemptAt); // 08:00 in China
    }

    [Fact]
    public async Task EachPersonsPreferencesDecideWhatTheyReceiveWithinWhatTheCountyAllows()
    {
        await using var host = await StartAsync();
        var tanChoices = await host.InScopeAsync<PreferenceStore, IReadOnlyDictionary<string, string[]>>(p =>
            p.SetAsync(Tan.UserName, [new("Overdue", "wecom", false)], CancellationToken.None));
        var ranChoices = await host.InScopeAsync<PreferenceStore, IReadOnlyDictionary<string, string[]>>(p =>
            p.SetAsync(Ran.UserName, [new("Progress", "wecom", true)], CancellationToken.None));
        Assert.Empty(tanChoices);
        Assert.Empty(ranChoices);

        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Overdue, "提交整改报告", Staff, Leaders));
        await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.Progress, "进入县级调研阶段", Staff, Leaders));
        // SMS by default carries only what is urgent: not a task assignment.
        await DeliverAsync<ScriptedSms>(host, Message(MessageKind.TaskAssigned, "上传佐证材料", Staff, Leaders));

        Assert.Equal([(Ran.WeComUserId, "提交整改报告"), (Ran.WeComUserId, "进入县级调研阶段")],
            wecom.Accepted.Select(m => ((string?)m.Address, m.Message.Title)));
        Assert.Empty(sms.Calls);

        // The county office does not allow progress news by SMS: choosing it is refused, naming the change.
        var refused = await host.InScopeAsync<PreferenceStore, IReadOnlyDictionary<string, string[]>>(p =>
            p.SetAsync(Tan.UserName, [new("Overdue", "sms", true), new("Progress", "sms", true)], CancellationToken.None));
        Assert.Equal(["[1].channel"], refused.Keys);
        Assert.Equal("县爱卫办不允许通过短信发送“工作进展”。", Assert.Single(refused["[1].channel"]));

        var grid = await host.InScopeAsync<PreferenceStore, IReadOnlyList<KindPreferenceView>>(p => p.GetAsync(Tan.UserName, CancellationToken.None));
        var overdue = grid.Single(k => k.Kind == MessageKind.Overdue);
        Assert.Equal("逾期通知", overdue.KindName);
        Assert.Equal([("in-app", true, false), ("email", false, false), ("wecom", false, true), ("sms", true, true)],
            overdue.Channels.Select(c => (c.Channel, c.Enabled, c.Editable)));
    }

    [Fact]
    public async Task AChannelTheCountyOfficeSwitchedOffSendsNothingAndCannotBeChosen()
    {
        await using var host = await StartAsync(("Channels:sms:Enabled", "false"));

        await DeliverAsync<ScriptedSms>(host, Message(MessageKind.Escalation, "整改逾期升级督办", Staff, Leaders));

        Assert.Empty(sms.Calls);
        Assert.Empty(await LogAsync(host));
        var grid = await host.InScopeAsync<PreferenceStore, IReadOnlyList<KindPreferenceView>>(p => p.GetAsync(Tan.UserName, CancellationToken.None));
        var smsChoice = grid.Single(k => k.Kind == MessageKind.Escalation).Channels.Single(c => c.Channel == "sms");
        Assert.Equal((false, false, "县爱卫办未开通该渠道"), (smsChoice.Enabled, smsChoice.Editable, smsChoice.Reason));
        var refused = await host.InScopeAsync<PreferenceStore, IReadOnlyDictionary<string, string[]>>(p =>
            p.SetAsync(Tan.UserName, [new("Escalation", "sms", true)], CancellationToken.None));
        Assert.Equal("县爱卫办未开通短信。", Assert.Single(refused["[0].channel"]));
    }

    [Fact]
    public async Task ABurstOverTheRateLimitIsSentInBatchesThatStayUnderIt()
    {
        await using var host = await StartAsync(("Channels:wecom:Permits", "5"), ("Channels:wecom:RateWindow", "00:01:00"));
        var titles = Enumerable.Range(1, 12).Select(i => $"第{i}项整改任务").ToList();

        foreach (var title in titles)
            await DeliverAsync<ScriptedWeCom>(host, Message(MessageKind.TaskAssigned, title, Staff));

        Assert.Equal(5, wecom.Calls.Count);
        var held = (await LogAsync(host)).Where(d => d.Status == DeliveryStatus.Held).ToList();
        Assert.Equal(7, held.Count);
        Assert.All(held, d => Assert.Equal(HoldReasons.RateLimit, d.HeldFor));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(7, await host.SweepAsync());

        Assert.Equal(6, wecom.Calls.Count);
        var batch = wecom.Accepted[^1];
        Assert.Equal((MessageKind.Digest, "您有7条新消息"), (batch.Kind, batch.Message.Title));
        Assert.All(titles, t => Assert.Equal(1, wecom.TimesDelivered(Tan.WeComUserId!, t)));
        var log = await LogAsync(host);
        Assert.All(log, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(7, log.Count(d => d.AttemptLog.Single().BatchSize == 7));
    }

    [Fact]
    public async Task ARestartDuringAnOutageLosesNothingAndSendsNothingTwice()
    {
        await using var first = await StartAsync();
        wecom.Down = true;
        await DeliverAsync<ScriptedWeCom>(first, Message(MessageKind.Overdue, "提交整改报告", Staff, Leaders));
        // The process dies in the middle of a call: the row stays claimed until its lease ends.
        wecom.Crash = true;
        var cutOff = Message(MessageKind.Overdue, "上传佐证材料", Staff);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeliverAsync<ScriptedWeCom>(first, cutOff));
        Assert.Equal(DeliveryStatus.Sending, (await LogAsync(first)).Single(d => d.EventId == cutOff.EventId).Status);

        await using var second = await first.RestartAsync();
        wecom.Crash = false;
        await RunSweepsAsync(second, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(15));
        wecom.Down = false;
        await RunSweepsAsync(second, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(15));

        Assert.All(await LogAsync(second), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(1, wecom.TimesDelivered(Tan.WeComUserId!, "提交整改报告"));
        Assert.Equal(1, wecom.TimesDelivered(Ran.WeComUserId!, "提交整改报告"));
        Assert.Equal(1, wecom.TimesDelivered(Tan.WeComUserId!, "上传佐证材料"));
    }
}

[Trait("Category", "Unit")]
public sealed class DeliveryPipelineTestsOnSqlite() : DeliveryPipelineTests(DatabaseProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class DeliveryPipelineTestsOnPostgres() : DeliveryPipelineTests(DatabaseProvider.Postgres);
