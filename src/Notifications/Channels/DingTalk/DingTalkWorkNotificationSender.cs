using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;

namespace Shizhu.Notifications.Outbound.DingTalk;

/// <summary>The internal application's access token, one per process, shared by every send.</summary>
public sealed class DingTalkAccessToken(TimeProvider clock) : AccessTokenCache(clock);

/// <summary>
/// DingTalk work notifications (工作通知) to one person by DingTalk user id: <c>GET /gettoken?appkey&amp;appsecret</c> for a
/// cached token, then <c>POST /topapi/message/corpconversation/asyncsend_v2?access_token=</c> with the application's
/// agent id. An invalid or expired token (40014, 42001) is fetched again once.
/// </summary>
public sealed class DingTalkWorkNotificationSender(
    HttpClient http, IOptions<DingTalkOptions> options, DingTalkAccessToken token, ChannelText texts) : IMessageSender
{
    /// <summary>Our bound for one work notification's content.</summary>
    public const int ContentLimitBytes = 4000;

    public string Channel => Channels.DingTalk;

    public string? AddressOf(Recipient recipient) => string.IsNullOrWhiteSpace(recipient.DingTalkUserId) ? null : recipient.DingTalkUserId;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
        token.SendAsync(FetchTokenAsync, (accessToken, c) => PostAsync(accessToken, message, c), ct);

    async Task<(bool TokenRejected, SendResult Result)> PostAsync(string accessToken, OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        object msg = o.Format == MessageFormat.Markdown
            ? new { msgtype = "markdown", markdown = new { title = message.Message.Title, text = texts.Markdown(message.Message, ContentLimitBytes) } }
            : new { msgtype = "text", text = new { content = texts.Plain(message.Message, ContentLimitBytes) } };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"topapi/message/corpconversation/asyncsend_v2?access_token={Uri.EscapeDataString(accessToken)}")
        {
            Content = JsonContent.Create(new { agent_id = o.AgentId, userid_list = message.Address, msg }),
        };
        var reply = await ProviderCall.SendAsync(http, request, ct);
        if (reply.Failure is { } failed)
            return (false, failed);
        var errcode = reply.IntOr("errcode", int.MinValue);
        return (DingTalkErrors.IsTokenRejected(errcode), DingTalkErrors.Classify(errcode, reply.Raw));
    }

    async Task<TokenOrFailure> FetchTokenAsync(CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"gettoken?appkey={Uri.EscapeDataString(o.AppKey!)}&appsecret={Uri.EscapeDataString(o.AppSecret!)}");
        var reply = await ProviderCall.SendAsync(http, request, ct);
        if (reply.Failure is { } failed)
            return TokenOrFailure.Failed(failed);
        var errcode = reply.IntOr("errcode", 0);
        if (errcode == 0 && reply.String("access_token") is { Length: > 0 } accessToken)
            return TokenOrFailure.Fresh(accessToken, TimeSpan.FromSeconds(reply.IntOr("expires_in", 7200)));
        return TokenOrFailure.Failed(DingTalkErrors.Classify(errcode == 0 ? int.MinValue : errcode, $"gettoken: {reply.Raw}"));
    }
}
