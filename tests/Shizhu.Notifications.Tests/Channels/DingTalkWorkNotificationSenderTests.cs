using System.Text.Json;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class DingTalkWorkNotificationSenderTests : IAsyncLifetime
{
    ChannelHarness harness = null!;
    int tokensIssued;
    int sendErrcode;

    public async Task InitializeAsync()
    {
        harness = await ChannelHarness.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Enabled"] = "true",
            ["DingTalk:BaseAddress"] = "{base}",
            ["DingTalk:AppKey"] = "dingeqqpkv3xxxxxx",
            ["DingTalk:AppSecret"] = "GT-lsu-taDAxxxsTsxxxx",
            ["DingTalk:AgentId"] = "2389471234",
        });
        harness.Provider.Answer = Answer;
    }

    ListenerReply Answer(RecordedRequest request) => request.Path switch
    {
        "/gettoken" => ListenerReply.Json($$"""{"errcode":0,"access_token":"ding-{{Interlocked.Increment(ref tokensIssued)}}","errmsg":"ok","expires_in":7200}"""),
        "/topapi/message/corpconversation/asyncsend_v2" => ListenerReply.Json($$"""{"errcode":{{sendErrcode}},"task_id":256271667526,"request_id":"4jzllmte0wau"}"""),
        _ => new ListenerReply(404, "{}"),
    };

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    IMessageSender Sender => harness.Sender(Channels.DingTalk);

    [Fact]
    public async Task AWorkNotificationGoesToThePersonsUserIdWithTheAgentIdAndACachedToken()
    {
        Assert.Equal(SendOutcome.Sent, (await Sender.SendAsync(harness.TaskMessage(Channels.DingTalk), default)).Outcome);
        Assert.Equal(SendOutcome.Sent, (await Sender.SendAsync(harness.TaskMessage(Channels.DingTalk), default)).Outcome);

        var token = Assert.Single(harness.Provider.RequestsTo("/gettoken"));
        Assert.Equal("dingeqqpkv3xxxxxx", token.Query["appkey"]);
        Assert.Equal("GT-lsu-taDAxxxsTsxxxx", token.Query["appsecret"]);
        var sends = harness.Provider.RequestsTo("/topapi/message/corpconversation/asyncsend_v2");
        Assert.Equal(2, sends.Count);
        Assert.All(sends, s => Assert.Equal("ding-1", s.Query["access_token"]));
        using var body = JsonDocument.Parse(sends[0].Body);
        Assert.Equal(2389471234, body.RootElement.GetProperty("agent_id").GetInt64());
        Assert.Equal("manager4521", body.RootElement.GetProperty("userid_list").GetString());
        var msg = body.RootElement.GetProperty("msg");
        Assert.Equal("markdown", msg.GetProperty("msgtype").GetString());
        Assert.Equal("新任务：提交整改报告", msg.GetProperty("markdown").GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnExpiredTokenIsFetchedAgainOnce()
    {
        await Sender.SendAsync(harness.TaskMessage(Channels.DingTalk), default);
        var answered = 0;
        harness.Provider.Answer = request => request.Path.StartsWith("/topapi") && Interlocked.Increment(ref answered) == 1
            ? ListenerReply.Json("""{"errcode":42001,"errmsg":"access_token expired"}""")
            : Answer(request);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.DingTalk), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Provider.RequestsTo("/gettoken").Count);
    }

    [Theory]
    [InlineData(90018, SendOutcome.TransientFailure)]
    [InlineData(-1, SendOutcome.TransientFailure)]
    [InlineData(33012, SendOutcome.PermanentFailure)]
    public async Task EachErrorCodeIsClassified(int errcode, SendOutcome expected)
    {
        sendErrcode = errcode;

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.DingTalk), default);

        Assert.Equal(expected, result.Outcome);
    }
}
