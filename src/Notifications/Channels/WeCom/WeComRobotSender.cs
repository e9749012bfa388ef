using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;

namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>
/// A WeCom group robot (群机器人): <c>POST /cgi-bin/webhook/send?key=</c> into the county's work group. A person is
/// reached by mentioning their mobile number (text messages; markdown cannot mention by number), so the address is the
/// mobile number on file.
/// </summary>
public sealed class WeComRobotSender(HttpClient http, IOptions<WeComOptions> options, ChannelText texts) : IMessageSender
{
    public const int TextLimitBytes = 2048;
    public const int MarkdownLimitBytes = 4096;

    public string Channel => Channels.WeComRobot;

    public string? AddressOf(Recipient recipient) => MobileNumbers.IsMainland(recipient.Mobile) ? recipient.Mobile : null;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        object body = options.Value.Format == MessageFormat.Markdown
            ? new { msgtype = "markdown", markdown = new { content = texts.Markdown(message.Message, MarkdownLimitBytes) } }
            : new { msgtype = "text", text = new { content = texts.Plain(message.Message, TextLimitBytes), mentioned_mobile_list = new[] { message.Address } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"cgi-bin/webhook/send?key={Uri.EscapeDataString(options.Value.RobotKey!)}")
        {
            Content = JsonContent.Create(body),
        };
        var reply = await ProviderCall.SendAsync(http, request, ct);
        return reply.Failure ?? WeComErrors.Classify(reply.IntOr("errcode", int.MinValue), reply.Raw);
    }
}
