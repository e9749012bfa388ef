using System.Text;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;

namespace Shizhu.Notifications.Texts;

/// <summary>
/// Renders one <see cref="AudienceMessage"/> (already plain Chinese, per kind, from <see cref="AudienceRules"/>) for a
/// channel's format and size limit: plain text or markdown, with a link to the workflow page. When the limit would
/// be passed the body is shortened with an ellipsis; the title and the link are kept, since they say what happened
/// and where to act.
/// </summary>
public sealed class ChannelText(IOptions<TextOptions> options)
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The page the message is about, absolute: the task page when it is about a task (where the person acts), else the
    /// workflow page; null without either or without a configured public address.
    /// </summary>
    public string? LinkFor(AudienceMessage message) =>
        message.Path is { } path && !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{options.Value.PublicBaseUrl.TrimEnd('/')}/{path}"
            : null;

    /// <summary>Plain text: 【title】, the body, and 详情 with the link; at most <paramref name="maxUtf8Bytes"/> bytes.</summary>
    public string Plain(AudienceMessage message, int maxUtf8Bytes)
    {
        var link = LinkFor(message);
        var head = $"【{Title(message, maxUtf8Bytes)}】\n";
        var tail = link is null ? "" : $"\n详情：{link}";
        return head + FitBody(message.Body, maxUtf8Bytes - Bytes(head) - Bytes(tail)) + tail;
    }

    /// <summary>Markdown: a heading, the body, a 查看详情 link; at most <paramref name="maxUtf8Bytes"/> bytes.</summary>
    public string Markdown(AudienceMessage message, int maxUtf8Bytes, string? suffix = null)
    {
        var link = LinkFor(message);
        var head = $"### {EscapeMarkdown(Title(message, maxUtf8Bytes))}\n";
        var tail = (link is null ? "" : $"\n\n[查看详情]({link})") + (suffix is null ? "" : $"\n\n{suffix}");
        return head + FitBody(EscapeMarkdown(message.Body), maxUtf8Bytes - Bytes(head) - Bytes(tail)) + tail;
    }

    /// <summary>A title quoting a very long task title takes at most a quarter of the message, so the body still says something.</summary>
    static string Title(AudienceMessage message, int maxUtf8Bytes) => FitBody(message.Title, maxUtf8Bytes / 4);

    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The longest prefix of <paramref name="body"/> (whole characters, never half a surrogate pair) that fits with an ellipsis.</summary>
    public static string FitBody(string body, int maxBytes)
    {
        if (Bytes(body) <= maxBytes)
            return body;
        var budget = maxBytes - Bytes(Ellipsis);
        var result = new StringBuilder();
        var used = 0;
        foreach (var rune in body.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
                break;
            result.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        return result.Append(Ellipsis).ToString();
    }

    /// <summary>Titles and bodies quote task titles that administrators write; a stray * or # must not turn into formatting.</summary>
    static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '_' or '#' or '[' or ']' or '`' or '>' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
