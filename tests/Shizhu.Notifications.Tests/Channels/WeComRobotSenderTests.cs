using System.Text.Json;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class WeComRobotSenderTests
{
    static Dictionary<string, string?> Settings(string format = "Text", string timeout = "10") => new()
    {
        ["WeCom:Enabled"] = "true",
        ["WeCom:BaseAddress"] = "{base}",
        ["WeCom:RobotKey"] = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
        ["WeCom:Format"] = format,
        ["WeCom:TimeoutSeconds"] = timeout,
    };

    [Fact]
    public async Task ATextMessageIsPostedToTheWebhookKeyMentioningThePersonsMobile()
    {
        await using var harness = await ChannelHarness.StartAsync(Settings());
        harness.Provider.Answer = _ => ListenerReply.Json("""{"errcode":0,"errmsg":"ok"}""");

        var result = await harness.Sender(Channels.WeComRobot).SendAsync(harness.TaskMessage(Channels.WeComRobot), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(harness.Provider.RequestsTo("/cgi-bin/webhook/send"));
        Assert.Equal("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", request.Query["key"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("text", body.RootElement.GetProperty("msgtype").GetString());
        var text = body.RootElement.GetProperty("text");
        Assert.StartsWith("【新任务：提交整改报告】\n中益乡有一项新任务", text.GetProperty("content").GetString());
        Assert.Equal(["13912345678"], text.GetProperty("mentioned_mobile_list").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AMarkdownMessageCarriesTheHeadingAndLink()
    {
        await using var harness = await ChannelHarness.StartAsync(Settings("Markdown"));
        harness.Provider.Answer = _ => ListenerReply.Json("""{"errcode":0,"errmsg":"ok"}""");

        await harness.Sender(Channels.WeComRobot).SendAsync(harness.TaskMessage(Channels.WeComRobot), default);

        using var body = JsonDocument.Parse(Assert.Single(harness.Provider.Requests).Body);
        Assert.Equal("markdown", body.RootElement.GetProperty("msgtype").GetString());
        Assert.Contains("[查看详情](https://cjws.shizhu.example/tasks/", body.RootElement.GetProperty("markdown").GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"errcode":45009,"errmsg":"api freq out of limit"}""", SendOutcome.TransientFailure)]
    [InlineData("""{"errcode":93000,"errmsg":"invalid webhook url"}""", SendOutcome.PermanentFailure)]
    [InlineData("""{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}""", SendOutcome.PermanentFailure)]
    public async Task TheRobotsAnswersAreClassified(string answer, SendOutcome expected)
    {
        await using var harness = await ChannelHarness.StartAsync(Settings());
        harness.Provider.Answer = _ => ListenerReply.Json(answer);

        var result = await harness.Sender(Channels.WeComRobot).SendAsync(harness.TaskMessage(Channels.WeComRobot), default);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(answer, result.ProviderAnswer);
    }

    [Fact]
    public async Task AProviderThatDoesNotAnswerInTimeIsATransientFailure()
    {
        await using var harness = await ChannelHarness.StartAsync(Settings(timeout: "1"));
        harness.Provider.Answer = _ => new ListenerReply(200, """{"errcode":0}""", TimeSpan.FromSeconds(5));

        var result = await harness.Sender(Channels.WeComRobot).SendAsync(harness.TaskMessage(Channels.WeComRobot), default);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.Contains("timeout", result.ProviderAnswer);
    }

    [Fact]
    public async Task AProviderThatCannotBeReachedIsATransientFailure()
    {
        await using var harness = await ChannelHarness.StartAsync(Settings());
        var sender = harness.Sender(Channels.WeComRobot);
        var message = harness.TaskMessage(Channels.WeComRobot);
        await harness.Provider.DisposeAsync();

        var result = await sender.SendAsync(message, default);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.StartsWith("network:", result.ProviderAnswer);
    }

    [Fact]
    public async Task APersonWithoutAValidMainlandMobileHasNoRobotAddress()
    {
        await using var harness = await ChannelHarness.StartAsync(Settings());
        var sender = harness.Sender(Channels.WeComRobot);

        Assert.Null(sender.AddressOf(ChannelHarness.ZhongyiStaff with { Mobile = null }));
        Assert.Null(sender.AddressOf(ChannelHarness.ZhongyiStaff with { Mobile = "12912345678" }));
    }
}
