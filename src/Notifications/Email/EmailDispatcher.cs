using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Email;

/// <summary>
/// Mails a message to every person its audiences resolve to, once per event and address. Each send is
/// logged as soon as it happens, so a retry after a failure half-way through mails only those not yet served.
/// </summary>
public sealed class EmailDispatcher(
    NotificationDbContext db,
    IRecipientDirectory directory,
    SmtpMailer mailer,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : INotificationChannel
{
    public string Name => Channels.Email;

    public Task DeliverAsync(AudienceMessage message, CancellationToken ct)
    {
        if (options.Value.Enabled)
            return SendAsync(message, ct);

        logger.LogDebug("E-mail is disabled; event {EventId} is marked processed without sending", message.EventId);
        return Task.CompletedTask;
    }

    async Task SendAsync(AudienceMessage message, CancellationToken ct)
    {
        var recipients = await ResolveAsync(message.Audiences, ct);
        var log = await db.Deliveries
            .Where(d => d.EventId == message.EventId && d.Channel == Channels.Email)
            .ToDictionaryAsync(d => d.Recipient, ct);
        var pending = recipients
            .Where(r => !(log.TryGetValue(r.Key, out var d) && d.Status == DeliveryStatus.Sent))
            .ToList();
        if (pending.Count == 0)
            return;

        using var client = await ConnectAsync(message.EventId, pending, log, ct);
        foreach (var (address, recipient) in pending)
        {
            try
            {
                await client.SendAsync(mailer.Compose(recipient, address, message), ct);
                Record(log, message.EventId, address, DeliveryStatus.Sent, error: null);
                logger.LogInformation("Mailed event {EventId} to {UserName}", message.EventId, recipient.UserName);
            }
            catch (Exception ex) when (SmtpFailures.IsPermanentForRecipient(ex))
            {
                Record(log, message.EventId, address, DeliveryStatus.Failed, ex.Message);
                logger.LogWarning(ex, "The mail server refused event {EventId} for {UserName}; not retried", message.EventId, recipient.UserName);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Record(log, message.EventId, address, DeliveryStatus.Failed, ex.Message);
                await db.SaveChangesAsync(ct);
                throw;
            }

            await db.SaveChangesAsync(ct);
        }

        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>Connects, or logs the failure against every pending address and throws so the event is retried.</summary>
    async Task<SmtpClient> ConnectAsync(
        Guid eventId, List<KeyValuePair<string, Recipient>> pending, Dictionary<string, Delivery> log, CancellationToken ct)
    {
        try
        {
            return await mailer.ConnectAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Cannot reach the mail server for event {EventId}; it will be retried", eventId);
            foreach (var (address, _) in pending)
                Record(log, eventId, address, DeliveryStatus.Failed, ex.Message);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    /// <summary>Every distinct address the audiences resolve to; people without one are skipped.</summary>
    async Task<Dictionary<string, Recipient>> ResolveAsync(IReadOnlyList<Audience> audiences, CancellationToken ct)
    {
        var byAddress = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var audience in audiences)
        {
            foreach (var person in await directory.FindAsync(audience.Role, audience.TownshipCode, audience.DepartmentCode, ct))
            {
                if (string.IsNullOrWhiteSpace(person.Email))
                    logger.LogDebug("{UserName} has no e-mail address; not mailed", person.UserName);
                else
                    // Addresses compare case-insensitively in practice; one spelling keeps the unique index honest.
                    byAddress.TryAdd(person.Email.Trim().ToLowerInvariant(), person);
            }
        }

        return byAddress;
    }

    void Record(Dictionary<string, Delivery> log, Guid eventId, string address, DeliveryStatus status, string? error)
    {
        if (!log.TryGetValue(address, out var delivery))
        {
            delivery = new Delivery { EventId = eventId, Channel = Channels.Email, Recipient = address };
            db.Deliveries.Add(delivery);
            log[address] = delivery;
        }

        delivery.Status = status;
        delivery.Error = error is null ? null : error[..Math.Min(error.Length, 2000)];
        delivery.At = clock.GetUtcNow();
    }
}
