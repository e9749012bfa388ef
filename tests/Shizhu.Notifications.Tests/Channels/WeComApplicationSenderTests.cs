using System.Text.Json;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class WeComApplicationSenderTests : IAsyncLifetime
{
    ChannelHarness harness = null!;
    int tokensIssued;
    int sendErrcode;

    public async Task InitializeAsync()
    {
        harness = await ChannelHarness.StartAsync(new Dictionary<string, string?>
        {
            ["WeCom:Enabled"] = "true",
            ["WeCom:BaseAddress"] = "{base}",
            ["WeCom:CorpId"] = "ww5a1b2c3d4e5f6789",
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "app-secret-0123456789",
        });
        harness.Provider.Answer = Answer;
    }

    ListenerReply Answer(RecordedRequest request) => request.Path switch
    {
        "/cgi-bin/gettoken" => ListenerReply.Json($$"""{"errcode":0,"errmsg":"ok","access_token":"token-{{Interlocked.Increment(ref tokensIssued)}}","expires_in":7200}"""),
        "/cgi-bin/message/send" => ListenerReply.Json($$"""{"errcode":{{sendErrcode}},"errmsg":"answer","invaliduser":"","msgid":"m1"}"""),
        _ => new ListenerReply(404, "{}"),
    };

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    IMessageSender Sender => harness.Sender(Channels.WeCom);

    [Fact]
    public async Task AMessageGoesToThePersonsWeComUserIdAsMarkdownWithTheApplicationsAgentId()
    {
        var message = harness.TaskMessage(Channels.WeCom);

        var result = await Sender.SendAsync(message, default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var token = Assert.Single(harness.Provider.RequestsTo("/cgi-bin/gettoken"));
        Assert.Equal("GET", token.Method);
        Assert.Equal("ww5a1b2c3d4e5f6789", token.Query["corpid"]);
        Assert.Equal("app-secret-0123456789", token.Query["corpsecret"]);
        var send = Assert.Single(harness.Provider.RequestsTo("/cgi-bin/message/send"));
        Assert.Equal("POST", send.Method);
        Assert.Equal("token-1", send.Query["access_token"]);
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal("TanXiaoMei", body.RootElement.GetProperty("touser").GetString());
        Assert.Equal(1000002, body.RootElement.GetProperty("agentid").GetInt32());
        Assert.Equal("markdown", body.RootElement.GetProperty("msgtype").GetString());
        var content = body.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.StartsWith("### 新任务：提交整改报告\n", content);
        Assert.Contains($"[查看详情]({ChannelHarness.PublicBaseUrl}/tasks/", content);
    }

    [Fact]
    public async Task TheTokenIsFetchedOnceAndReusedForLaterSends()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(SendOutcome.Sent, (await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default)).Outcome);

        Assert.Single(harness.Provider.RequestsTo("/cgi-bin/gettoken"));
        Assert.All(harness.Provider.RequestsTo("/cgi-bin/message/send"), r => Assert.Equal("token-1", r.Query["access_token"]));
    }

    [Fact]
    public async Task ConcurrentSendsShareOneTokenFetch()
    {
        harness.Provider.Answer = request => request.Path == "/cgi-bin/gettoken"
            ? Answer(request) with { Delay = TimeSpan.FromMilliseconds(300) }
            : Answer(request);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default)));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Single(harness.Provider.RequestsTo("/cgi-bin/gettoken"));
        Assert.Equal(8, harness.Provider.RequestsTo("/cgi-bin/message/send").Count);
    }

    [Fact]
    public async Task ANewTokenIsFetchedShortlyBeforeTheOldOneExpires()
    {
        await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);
        harness.Clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);
        Assert.Single(harness.Provider.RequestsTo("/cgi-bin/gettoken"));

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(2, harness.Provider.RequestsTo("/cgi-bin/gettoken").Count);
        Assert.Equal("token-2", harness.Provider.RequestsTo("/cgi-bin/message/send")[^1].Query["access_token"]);
    }

    [Theory]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task ATokenTheServerRejectsIsFetchedAgainOnceAndTheMessageSentAgain(int rejection)
    {
        await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);
        var answered = 0;
        harness.Provider.Answer = request => request.Path == "/cgi-bin/message/send" && Interlocked.Increment(ref answered) == 1
            ? ListenerReply.Json($$"""{"errcode":{{rejection}},"errmsg":"invalid access_token"}""")
            : Answer(request);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Provider.RequestsTo("/cgi-bin/gettoken").Count);
        Assert.Equal(["token-1", "token-1", "token-2"], harness.Provider.RequestsTo("/cgi-bin/message/send").Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task ATokenRejectedTwiceIsAPermanentFailureWithoutAThirdTry()
    {
        sendErrcode = 40014;

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("40014", result.ProviderAnswer);
        Assert.Equal(2, harness.Provider.RequestsTo("/cgi-bin/message/send").Count);
    }

    [Theory]
    [InlineData(45009, SendOutcome.TransientFailure)]
    [InlineData(-1, SendOutcome.TransientFailure)]
    [InlineData(81013, SendOutcome.PermanentFailure)]
    [InlineData(60020, SendOutcome.PermanentFailure)]
    public async Task EachErrorCodeIsClassified(int errcode, SendOutcome expected)
    {
        sendErrcode = errcode;

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(errcode.ToString(), result.ProviderAnswer);
    }

    [Fact]
    public async Task TheRateLimitAsksToWaitAMinute()
    {
        sendErrcode = 45009;

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
    }

    [Fact]
    public async Task AnAcceptedMessageForAnUnknownUserIsAPermanentFailure()
    {
        harness.Provider.Answer = request => request.Path == "/cgi-bin/message/send"
            ? ListenerReply.Json("""{"errcode":0,"errmsg":"ok","invaliduser":"TanXiaoMei"}""")
            : Answer(request);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("invaliduser", result.ProviderAnswer);
    }

    [Fact]
    public async Task AWrongSecretFailsTheTokenFetchForGoodAndSendsNothing()
    {
        harness.Provider.Answer = request => request.Path == "/cgi-bin/gettoken"
            ? ListenerReply.Json("""{"errcode":40001,"errmsg":"invalid credential"}""")
            : Answer(request);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("40001", result.ProviderAnswer);
        Assert.Empty(harness.Provider.RequestsTo("/cgi-bin/message/send"));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task AServerErrorOrOverloadIsTransient(int status)
    {
        harness.Provider.Answer = request => request.Path == "/cgi-bin/message/send" ? new ListenerReply(status, "<html>busy</html>") : Answer(request);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.WeCom), default);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.Contains(status.ToString(), result.ProviderAnswer);
    }

    [Fact]
    public async Task APersonWithoutAWeComUserIdHasNoAddress()
    {
        Assert.Null(Sender.AddressOf(ChannelHarness.ZhongyiStaff with { WeComUserId = null }));
        Assert.Equal("TanXiaoMei", Sender.AddressOf(ChannelHarness.ZhongyiStaff));
    }
}
