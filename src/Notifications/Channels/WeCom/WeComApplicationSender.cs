using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;

namespace Shizhu.Notifications.Outbound.WeCom;

/// <summary>The application's access token, one per process, shared by every send (WeCom limits gettoken calls).</summary>
public sealed class WeComAccessToken(TimeProvider clock) : AccessTokenCache(clock);

/// <summary>
/// WeCom application messages (应用消息) to one person by WeCom user id: <c>GET /cgi-bin/gettoken?corpid&amp;corpsecret</c>
/// for a token kept until shortly before <c>expires_in</c>, then <c>POST /cgi-bin/message/send?access_token=</c>. A token the
/// server calls invalid or expired (40014, 42001) is fetched again once and the message sent again.
/// </summary>
public sealed class WeComApplicationSender(
    HttpClient http, IOptions<WeComOptions> options, WeComAccessToken token, ChannelText texts) : IMessageSender
{
    /// <summary>WeCom's limit for a text or markdown application message's content.</summary>
    public const int ContentLimitBytes = 2048;

    // WeCom drops the same content to the same person within this interval, so a resend after a lost answer is not seen twice.
    const int DuplicateCheckSeconds = 4 * 60 * 60;

    public string Channel => Channels.WeCom;

    public string? AddressOf(Recipient recipient) => string.IsNullOrWhiteSpace(recipient.WeComUserId) ? null : recipient.WeComUserId;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
        token.SendAsync(FetchTokenAsync, (accessToken, c) => PostAsync(accessToken, message, c), ct);

    async Task<(bool TokenRejected, SendResult Result)> PostAsync(string accessToken, OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        object body = o.Format == MessageFormat.Markdown
            ? new { touser = message.Address, msgtype = "markdown", agentid = o.AgentId,
                markdown = new { content = texts.Markdown(message.Message, ContentLimitBytes) },
                enable_duplicate_check = 1, duplicate_check_interval = DuplicateCheckSeconds }
            : new { touser = message.Address, msgtype = "text", agentid = o.AgentId,
                text = new { content = texts.Plain(message.Message, ContentLimitBytes) },
                enable_duplicate_check = 1, duplicate_check_interval = DuplicateCheckSeconds };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"cgi-bin/message/send?access_token={Uri.EscapeDataString(accessToken)}")
        {
            Content = JsonContent.Create(body),
        };
        var reply = await ProviderCall.SendAsync(http, request, ct);
        if (reply.Failure is { } failed)
            return (false, failed);
        var errcode = reply.IntOr("errcode", int.MinValue);
        if (errcode == 0 && reply.String("invaliduser") is { Length: > 0 })
            // Accepted, but the user id is not (or no longer) in the corporation: sending again cannot reach them.
            return (false, SendResult.Permanent(reply.Raw));
        return (WeComErrors.IsTokenRejected(errcode), WeComErrors.Classify(errcode, reply.Raw));
    }

    async Task<TokenOrFailure> FetchTokenAsync(CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(o.CorpId!)}&corpsecret={Uri.EscapeDataString(o.Secret!)}");
        var reply = await ProviderCall.SendAsync(http, request, ct);
        if (reply.Failure is { } failed)
            return TokenOrFailure.Failed(failed);
        var errcode = reply.IntOr("errcode", 0);
        if (errcode == 0 && reply.String("access_token") is { Length: > 0 } accessToken)
            return TokenOrFailure.Fresh(accessToken, TimeSpan.FromSeconds(reply.IntOr("expires_in", 7200)));
        var classified = WeComErrors.Classify(errcode == 0 ? int.MinValue : errcode, $"gettoken: {reply.Raw}");
        return TokenOrFailure.Failed(classified);
    }
}
