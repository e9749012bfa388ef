using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class AliyunSmsSenderTests : IAsyncLifetime
{
    const string KeySecret = "testsecret-0123456789abcdef";
    ChannelHarness harness = null!;

    public async Task InitializeAsync() =>
        harness = await ChannelHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Enabled"] = "true",
            ["Sms:BaseAddress"] = "{base}",
            ["Sms:AccessKeyId"] = "LTAI5tTestKeyId",
            ["Sms:AccessKeySecret"] = KeySecret,
            ["Sms:SignName"] = "石柱县爱卫办",
            ["Sms:Templates:TaskAssigned:Code"] = "SMS_465890123",
            ["Sms:Templates:TaskAssigned:Text"] = "${township}有新任务“${subject}”待办理，截止${time}，请登录创建工作系统办理。",
            ["Sms:Templates:Overdue:Code"] = "SMS_465890124",
            ["Sms:Templates:Overdue:Text"] = "${township}的任务“${subject}”已于${time}逾期，请尽快督办。",
        });

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    IMessageSender Sender => harness.Sender(Channels.Sms);

    static Dictionary<string, string> Form(string body) => body.Split('&')
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    /// <summary>Alibaba Cloud's RPC signature as its server checks it, written from the documentation, not from the sender.</summary>
    static string ExpectedSignature(Dictionary<string, string> form)
    {
        static string Encode(string value)
        {
            var result = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var c = (char)b;
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') result.Append(c);
                else result.Append('%').Append(b.ToString("X2"));
            }
            return result.ToString();
        }
        var canonical = string.Join("&", form.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var toSign = "POST&%2F&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(KeySecret + "&"), Encoding.UTF8.GetBytes(toSign)));
    }

    ListenerReply Gateway(RecordedRequest request)
    {
        var form = Form(request.Body);
        return form["Signature"] == ExpectedSignature(form)
            ? ListenerReply.Json("""{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"900619746936498440^0"}""")
            : new ListenerReply(400, """{"Message":"Specified signature is not matched with our calculation.","Code":"SignatureDoesNotMatch"}""");
    }

    [Fact]
    public async Task ANewTaskIsSentWithTheSignNameTheKindsTemplateAndItsParametersSignedAsTheGatewayChecks()
    {
        harness.Provider.Answer = Gateway;

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.Sms), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(harness.Provider.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        var form = Form(request.Body);
        Assert.Equal("SendSms", form["Action"]);
        Assert.Equal("2017-05-25", form["Version"]);
        Assert.Equal("LTAI5tTestKeyId", form["AccessKeyId"]);
        Assert.Equal("HMAC-SHA1", form["SignatureMethod"]);
        Assert.Equal("1.0", form["SignatureVersion"]);
        Assert.Equal("2026-05-10T01:30:00Z", form["Timestamp"]);
        Assert.Equal("13912345678", form["PhoneNumbers"]);
        Assert.Equal("石柱县爱卫办", form["SignName"]);
        Assert.Equal("SMS_465890123", form["TemplateCode"]);
        using var parameters = JsonDocument.Parse(form["TemplateParam"]);
        Assert.Equal(["township", "subject", "time"], parameters.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("中益乡", parameters.RootElement.GetProperty("township").GetString());
        Assert.Equal("提交整改报告", parameters.RootElement.GetProperty("subject").GetString());
        Assert.Equal("5月31日23:59", parameters.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public async Task EveryRequestHasAFreshNonce()
    {
        harness.Provider.Answer = Gateway;

        await Sender.SendAsync(harness.TaskMessage(Channels.Sms), default);
        await Sender.SendAsync(harness.TaskMessage(Channels.Sms), default);

        Assert.Equal(2, harness.Provider.Requests.Select(r => Form(r.Body)["SignatureNonce"]).Distinct().Count());
    }

    [Theory]
    [InlineData(200, """{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发号码天级流控"}""", SendOutcome.TransientFailure)]
    [InlineData(200, """{"Code":"isv.AMOUNT_NOT_ENOUGH","Message":"账户余额不足"}""", SendOutcome.TransientFailure)]
    [InlineData(400, """{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}""", SendOutcome.TransientFailure)]
    [InlineData(200, """{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号"}""", SendOutcome.PermanentFailure)]
    [InlineData(200, """{"Code":"isv.SMS_TEMPLATE_ILLEGAL","Message":"模板不合法"}""", SendOutcome.PermanentFailure)]
    [InlineData(200, """{"Code":"isv.SMS_SIGNATURE_ILLEGAL","Message":"签名不合法"}""", SendOutcome.PermanentFailure)]
    [InlineData(400, """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched"}""", SendOutcome.PermanentFailure)]
    [InlineData(404, """{"Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}""", SendOutcome.PermanentFailure)]
    [InlineData(503, """{"Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""", SendOutcome.TransientFailure)]
    [InlineData(502, "<html>Bad Gateway</html>", SendOutcome.TransientFailure)]
    public async Task TheGatewaysAnswersAreClassified(int status, string answer, SendOutcome expected)
    {
        harness.Provider.Answer = _ => new ListenerReply(status, answer);

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.Sms), default);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task AKindWithoutAnApprovedTemplateIsRefusedWithoutCallingTheGateway()
    {
        harness.Provider.Answer = Gateway;
        var progress = AudienceRules.For(WorkflowStarted());

        var result = await Sender.SendAsync(harness.TaskMessage(Channels.Sms, progress), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("Progress", result.ProviderAnswer);
        Assert.Empty(harness.Provider.Requests);
    }

    [Fact]
    public async Task AnOverdueTaskUsesTheOverdueTemplate()
    {
        harness.Provider.Answer = Gateway;

        await Sender.SendAsync(harness.TaskMessage(Channels.Sms, AudienceRules.For(TaskOverdue())), default);

        Assert.Equal("SMS_465890124", Form(Assert.Single(harness.Provider.Requests).Body)["TemplateCode"]);
    }
}
