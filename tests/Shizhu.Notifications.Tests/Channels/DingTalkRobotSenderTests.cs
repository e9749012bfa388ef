using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class DingTalkRobotSenderTests : IAsyncLifetime
{
    const string Secret = "SEC7b7b301ffd31fa80c6f0f16a4da98b60338c916ce79d054d4dd35b4bc3fa3a35";
    ChannelHarness harness = null!;

    public async Task InitializeAsync() =>
        harness = await ChannelHarness.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Enabled"] = "true",
            ["DingTalk:BaseAddress"] = "{base}",
            ["DingTalk:RobotAccessToken"] = "9b781aec3378947947e0ed1cbd8ad593",
            ["DingTalk:RobotSecret"] = Secret,
        });

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    /// <summary>What DingTalk does with a signed call: recompute the signature from the timestamp and the secret it keeps.</summary>
    static bool SignatureHolds(RecordedRequest request)
    {
        var toSign = $"{request.Query["timestamp"]}\n{Secret}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(toSign)));
        return request.Query["sign"] == expected;
    }

    [Fact]
    public async Task EachCallIsSignedWithTheRobotsSecretAndTheCurrentTimeInMilliseconds()
    {
        harness.Provider.Answer = request => ListenerReply.Json(SignatureHolds(request)
            ? """{"errcode":0,"errmsg":"ok"}"""
            : """{"errcode":310000,"errmsg":"sign not match"}""");

        var result = await harness.Sender(Channels.DingTalkRobot).SendAsync(harness.TaskMessage(Channels.DingTalkRobot), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(harness.Provider.RequestsTo("/robot/send"));
        Assert.Equal("9b781aec3378947947e0ed1cbd8ad593", request.Query["access_token"]);
        Assert.Equal(ChannelHarness.Now.ToUnixTimeMilliseconds().ToString(), request.Query["timestamp"]);
        // The Base64 signature's + / = travel URL-encoded.
        Assert.DoesNotContain('+', request.RawQuery.Split("sign=")[1]);
    }

    [Fact]
    public async Task TheMarkdownMentionsThePersonByMobileInTheTextAndInAt()
    {
        harness.Provider.Answer = _ => ListenerReply.Json("""{"errcode":0,"errmsg":"ok"}""");

        await harness.Sender(Channels.DingTalkRobot).SendAsync(harness.TaskMessage(Channels.DingTalkRobot), default);

        using var body = JsonDocument.Parse(Assert.Single(harness.Provider.Requests).Body);
        Assert.Equal("markdown", body.RootElement.GetProperty("msgtype").GetString());
        var markdown = body.RootElement.GetProperty("markdown");
        Assert.Equal("新任务：提交整改报告", markdown.GetProperty("title").GetString());
        Assert.EndsWith("@13912345678", markdown.GetProperty("text").GetString());
        Assert.Equal(["13912345678"], body.RootElement.GetProperty("at").GetProperty("atMobiles").EnumerateArray().Select(e => e.GetString()));
        Assert.False(body.RootElement.GetProperty("at").GetProperty("isAtAll").GetBoolean());
    }

    [Fact]
    public async Task ASignatureTheServerRecomputesDifferentlyIsRefusedForGood()
    {
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        // A provider that checks against another secret: the sender must not treat the refusal as passing trouble.
        harness.Provider.Answer = _ => ListenerReply.Json("""{"errcode":310000,"errmsg":"keywords not in content, sign not match"}""");

        var result = await harness.Sender(Channels.DingTalkRobot).SendAsync(harness.TaskMessage(Channels.DingTalkRobot), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("310000", result.ProviderAnswer);
    }

    [Theory]
    [InlineData(130101)]
    [InlineData(410100)]
    public async Task SendingTooFastIsTransientAndWaitsOutTheMute(int errcode)
    {
        harness.Provider.Answer = _ => ListenerReply.Json($$"""{"errcode":{{errcode}},"errmsg":"send too fast, exceed 20 times per minute"}""");

        var result = await harness.Sender(Channels.DingTalkRobot).SendAsync(harness.TaskMessage(Channels.DingTalkRobot), default);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task AnUnknownRobotTokenIsPermanent()
    {
        harness.Provider.Answer = _ => ListenerReply.Json("""{"errcode":300001,"errmsg":"token is not exist"}""");

        var result = await harness.Sender(Channels.DingTalkRobot).SendAsync(harness.TaskMessage(Channels.DingTalkRobot), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
    }
}
