using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Email;

/// <summary>
/// E-mail as a sender of the delivery pipeline: one SMTP session per message, so each attempt stands alone (a retry
/// hours later, a batch, a resend). A 5xx refusal of the address is permanent; everything else — server down,
/// TLS, authentication, 4xx "try later" — is transient.
/// </summary>
public sealed class EmailSender(SmtpMailer mailer, ILogger<EmailSender> logger) : IMessageSender
{
    public string Channel => Channels.Email;

    // Addresses compare case-insensitively in practice; one spelling keeps the log's unique index honest.
    public string? AddressOf(Recipient recipient) =>
        string.IsNullOrWhiteSpace(recipient.Email) ? null : recipient.Email.Trim().ToLowerInvariant();

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        try
        {
            using var client = await mailer.ConnectAsync(ct);
            var answer = await client.SendAsync(mailer.Compose(message.Recipient, message.Address, message.Message), ct);
            await client.DisconnectAsync(quit: true, ct);
            return SendResult.Sent(answer);
        }
        catch (Exception ex) when (SmtpFailures.IsPermanentForRecipient(ex))
        {
            logger.LogWarning(ex, "The mail server refused event {EventId} for {UserName}; not retried", message.EventId, message.Recipient.UserName);
            return SendResult.Permanent(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Mailing event {EventId} to {UserName} failed; it will be retried", message.EventId, message.Recipient.UserName);
            return SendResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
