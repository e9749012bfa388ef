using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Texts;

namespace Shizhu.Notifications.Email;

/// <summary>Opens SMTP sessions to the configured server and composes the mails sent over them.</summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options, ChannelText texts)
{
    const string Footer = "石柱县卫生乡镇创建工作平台（本邮件由系统自动发送，请勿直接回复）";

    /// <summary>A connected (and, when configured, authenticated) client; the caller disposes it.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds };
        try
        {
            var security = o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            // SmtpHost is validated as present whenever e-mail is enabled (see AddNotifications).
            await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(o.UserName))
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>One mail per person, so each delivery can be logged, refused or retried on its own.</summary>
    public MimeMessage Compose(Recipient recipient, string address, AudienceMessage message)
    {
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mail.To.Add(new MailboxAddress(recipient.DisplayName, address));
        mail.Subject = message.Title;
        // Ties each mail to its delivery log row when someone asks why they got it.
        mail.Headers.Add("X-Shizhu-Event-Id", message.EventId.ToString());
        // The same link the WeCom and DingTalk texts carry: the task page when the mail is about a task, where it is done.
        var link = texts.LinkFor(message) is { } url ? $"\n\n详情：{url}" : "";
        mail.Body = new TextPart("plain") { Text = $"{recipient.DisplayName}：\n\n{message.Body}{link}\n\n——\n{Footer}\n" };
        return mail;
    }
}
