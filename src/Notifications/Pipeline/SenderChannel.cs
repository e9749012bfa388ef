using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Preferences;
using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications.Pipeline;

/// <summary>
/// An external channel (e-mail, WeCom, DingTalk, SMS) as one pipeline over its <typeparamref name="TSender"/>: the
/// county's switch and allowed kinds, each person's preferences, one delivery-log row per event and address (made
/// before the first attempt, so redelivery or a crash never sends twice), quiet hours and the rate limit, then the
/// first attempt. Whatever does not go through now is left to <see cref="DeliverySweep"/>.
/// </summary>
public sealed class SenderChannel<TSender>(
    TSender sender,
    NotificationDbContext db,
    IRecipientDirectory directory,
    DeliveryPolicy policy,
    PreferenceStore preferences,
    DeliveryAttempts attempts,
    TimeProvider clock,
    ILogger<SenderChannel<TSender>> logger) : INotificationChannel where TSender : IMessageSender
{
    public string Name => sender.Channel;

    public async Task DeliverAsync(AudienceMessage message, CancellationToken ct)
    {
        if (!policy.IsEnabled(Name) || !policy.IsAllowed(Name, message.Kind))
        {
            logger.LogDebug("{Channel} is off or may not carry {Kind}; event {EventId} not sent on it", Name, message.Kind, message.EventId);
            return;
        }

        var recipients = await ResolveAsync(message.Audiences, ct);
        if (recipients.Count == 0)
            return;
        var wanted = await preferences.WhoWantsAsync(Name, message.Kind, [.. recipients.Values.Select(r => r.UserName).Distinct()], ct);
        var logged = (await db.Deliveries.AsNoTracking()
            .Where(d => d.EventId == message.EventId && d.Channel == Name)
            .Select(d => d.Recipient)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        foreach (var (address, person) in recipients)
        {
            if (logged.Contains(address) || !wanted.Contains(person.UserName))
                continue;
            var delivery = await LogAsync(message, address, person, ct);
            if (delivery?.Status == DeliveryStatus.Sending)
                await attempts.SendAsync(sender, [delivery], ct);
        }
    }

    /// <summary>
    /// Writes the delivery's row before anything is sent: sending or held. Null when a concurrent delivery of the same
    /// event (another replica, a redelivery) wrote it first; that one sends.
    /// </summary>
    async Task<Delivery?> LogAsync(AudienceMessage message, string address, Recipient person, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delivery = new Delivery
        {
            EventId = message.EventId,
            Channel = Name,
            Recipient = address,
            UserName = person.UserName,
            DisplayName = person.DisplayName,
            Kind = message.Kind,
            WorkflowId = message.WorkflowId,
            TaskId = message.TaskId,
            Title = Clip(message.Title, 500),
            Body = Clip(message.Body, 4000),
            OccurredAt = message.OccurredAt,
            CreatedAt = now,
            At = now,
        };
        if (attempts.HoldFor(Name, message.Kind, now) is { } hold)
            attempts.Hold([delivery], hold.Reason, hold.Until, now);
        else
            attempts.Claim([delivery], now);

        db.Deliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(ct);
            return delivery;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(delivery).State = EntityState.Detached;
            logger.LogInformation("Event {EventId} was already logged for {Address} on {Channel} by a concurrent delivery", message.EventId, address, Name);
            return null;
        }
    }

    /// <summary>Every distinct address the audiences resolve to; people without one on this channel are skipped.</summary>
    async Task<Dictionary<string, Recipient>> ResolveAsync(IReadOnlyList<Audience> audiences, CancellationToken ct)
    {
        var byAddress = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var audience in audiences)
        {
            foreach (var person in await directory.FindAsync(audience.Role, audience.TownshipCode, audience.DepartmentCode, ct))
            {
                if (audience.UserName is { } only && person.UserName != only) continue;
                var address = sender.AddressOf(person)?.Trim();
                if (string.IsNullOrEmpty(address))
                    logger.LogDebug("{UserName} has no {Channel} address; not sent", person.UserName, Name);
                else
                    byAddress.TryAdd(address, person);
            }
        }

        return byAddress;
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
