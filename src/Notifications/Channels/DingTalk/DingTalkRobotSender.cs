using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>
/// A DingTalk group's custom robot: <c>POST /robot/send?access_token=&amp;timestamp=&amp;sign=</c>, signed with its 加签
/// secret, @-mentioning the person by mobile number (the number must also appear in the text for DingTalk to show it).
/// </summary>
public sealed class DingTalkRobotSender(HttpClient http, IOptions<DingTalkOptions> options, ChannelText texts, TimeProvider clock) : IMessageSender
{
    /// <summary>Our bound for one robot message; DingTalk's own is larger, a notification never needs it.</summary>
    public const int ContentLimitBytes = 4000;

    public string Channel => Channels.DingTalkRobot;

    public string? AddressOf(Recipient recipient) => MobileNumbers.IsMainland(recipient.Mobile) ? recipient.Mobile : null;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mention = $"@{message.Address}";
        var at = new { atMobiles = new[] { message.Address }, isAtAll = false };
        object body = o.Format == MessageFormat.Markdown
            ? new { msgtype = "markdown", markdown = new { title = message.Message.Title, text = texts.Markdown(message.Message, ContentLimitBytes, suffix: mention) }, at }
            : new { msgtype = "text", text = new { content = texts.Plain(message.Message, ContentLimitBytes - ChannelText.Bytes(mention) - 1) + "\n" + mention }, at };

        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = DingTalkRobotSignature.Sign(timestamp, o.RobotSecret!);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"robot/send?access_token={Uri.EscapeDataString(o.RobotAccessToken!)}&timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}")
        {
            Content = JsonContent.Create(body),
        };
        var reply = await ProviderCall.SendAsync(http, request, ct);
        return reply.Failure ?? DingTalkErrors.Classify(reply.IntOr("errcode", int.MinValue), reply.Raw);
    }
}
