using MailKit.Net.Smtp;
using MimeKit;

namespace Shizhu.Notifications.Email;

/// <summary>Tells a failure that retrying cannot cure from one that it may.</summary>
internal static class SmtpFailures
{
    /// <summary>
    /// The server refused this one address for good (a 5xx reply to RCPT TO), or the address cannot be
    /// parsed: retrying would fail the same way, so the failure is logged and the others still get mail.
    /// Everything else (network, TLS, authentication, 4xx "try later") is transient and thrown for retry.
    /// </summary>
    public static bool IsPermanentForRecipient(Exception exception) => exception switch
    {
        SmtpCommandException e => e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500,
        ParseException => true,
        _ => false,
    };
}
