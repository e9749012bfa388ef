using System.Collections.Concurrent;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Notifications;

/// <summary>
/// A Host of its own (see <see cref="HostFixture"/>) with WeCom application messages, the DingTalk robot and SMS
/// switched on, each provider a <see cref="LocalHttpListener"/> answering as the real one does — or 503 while
/// <see cref="Outage"/> is set. Retries come after 1–2 s instead of 30 s–30 min, so an outage and its recovery fit
/// in a test.
/// </summary>
public sealed class ChannelsHostFixture : HostFixture
{
    public LocalHttpListener WeCom { get; private set; } = null!;
    public LocalHttpListener DingTalk { get; private set; } = null!;
    public LocalHttpListener Sms { get; private set; } = null!;

    /// <summary>While true every provider answers 503 Service Unavailable.</summary>
    public volatile bool Outage;

    /// <summary>The requests each provider accepted (answered as sent), by listener.</summary>
    public ConcurrentDictionary<LocalHttpListener, ConcurrentQueue<RecordedRequest>> Accepted { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string?>> StartOwnServicesAsync()
    {
        WeCom = await LocalHttpListener.StartAsync();
        DingTalk = await LocalHttpListener.StartAsync();
        Sms = await LocalHttpListener.StartAsync();
        WeCom.Answer = request => Reply(WeCom, request, request.Path switch
        {
            "/cgi-bin/gettoken" => """{"errcode":0,"errmsg":"ok","access_token":"wecom-token","expires_in":7200}""",
            "/cgi-bin/message/send" => """{"errcode":0,"errmsg":"ok","invaliduser":"","msgid":"m1"}""",
            _ => null,
        });
        DingTalk.Answer = request => Reply(DingTalk, request, request.Path == "/robot/send" ? """{"errcode":0,"errmsg":"ok"}""" : null);
        Sms.Answer = request => Reply(Sms, request, """{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"900619746936498440^0"}""");
        return new Dictionary<string, string?>
        {
            ["Notifications:WeCom:Enabled"] = "true",
            ["Notifications:WeCom:BaseAddress"] = WeCom.BaseAddress.ToString(),
            ["Notifications:WeCom:CorpId"] = "ww5a1b2c3d4e5f6789",
            ["Notifications:WeCom:AgentId"] = "1000002",
            ["Notifications:WeCom:Secret"] = "app-secret-0123456789",
            ["Notifications:DingTalk:Enabled"] = "true",
            ["Notifications:DingTalk:BaseAddress"] = DingTalk.BaseAddress.ToString(),
            ["Notifications:DingTalk:RobotAccessToken"] = "9b781aec3378947947e0ed1cbd8ad593",
            ["Notifications:DingTalk:RobotSecret"] = "SEC0123456789abcdef0123456789abcdef",
            ["Notifications:Sms:Enabled"] = "true",
            ["Notifications:Sms:BaseAddress"] = Sms.BaseAddress.ToString(),
            ["Notifications:Sms:AccessKeyId"] = "LTAI5tTestKeyId",
            ["Notifications:Sms:AccessKeySecret"] = "test-key-secret-0123456789",
            ["Notifications:Sms:SignName"] = "石柱县爱卫办",
            ["Notifications:Sms:Templates:TaskAssigned:Code"] = "SMS_465890123",
            ["Notifications:Sms:Templates:TaskAssigned:Text"] = "${township}任务“${subject}”待办理，截止${time}，请及时登录系统办理。",
            ["Notifications:Sms:Templates:Digest:Code"] = "SMS_465890125",
            ["Notifications:Sms:Templates:Digest:Text"] = "${township}有多项任务待办理，请及时登录系统查看。",
            ["Notifications:Delivery:Retry:InitialDelay"] = "00:00:01",
            ["Notifications:Delivery:Retry:MaxDelay"] = "00:00:02",
            ["Notifications:Delivery:Retry:MaxAttempts"] = "60",
            // The robot's 20 a minute would hold and batch the second test's messages behind the first's retries.
            ["Notifications:Delivery:Channels:dingtalk-robot:Permits"] = "1000",
        };
    }

    ListenerReply Reply(LocalHttpListener listener, RecordedRequest request, string? success)
    {
        if (Outage) return new ListenerReply(503, "<html>503 Service Temporarily Unavailable</html>");
        if (success is null) return new ListenerReply(404, "{}");
        Accepted.GetOrAdd(listener, _ => new()).Enqueue(request);
        return ListenerReply.Json(success);
    }

    /// <summary>The requests <paramref name="listener"/> accepted whose body mentions <paramref name="address"/>.</summary>
    public IReadOnlyList<RecordedRequest> AcceptedFor(LocalHttpListener listener, string address) =>
        [.. (Accepted.TryGetValue(listener, out var queue) ? queue : []).Where(r => r.Body.Contains(address, StringComparison.Ordinal))];

    protected override async ValueTask StopOwnServicesAsync()
    {
        await WeCom.DisposeAsync();
        await DingTalk.DisposeAsync();
        await Sms.DisposeAsync();
    }
}
