using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Deliveries;

/// <summary>The delivery log for the county office (投递记录): filtered, newest first, a page at a time, each row with its attempts.</summary>
public sealed class DeliveryQueries(NotificationDbContext db)
{
    public const int MaxPageSize = 100;
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<DeliveryPage> ListAsync(DeliveryFilter filter, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Channel))
            query = query.Where(d => d.Channel == filter.Channel);
        if (!string.IsNullOrEmpty(filter.Recipient))
            query = query.Where(d => d.Recipient == filter.Recipient || d.UserName == filter.Recipient);
        if (filter.Status is { } status)
            query = query.Where(d => d.Status == status);
        // Dates are China calendar days, as people read them; the log stores UTC instants.
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            query = query.Where(d => d.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            query = query.Where(d => d.CreatedAt < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Include(d => d.AttemptLog)
            .ToListAsync(ct);
        return new DeliveryPage(total, filter.Page, filter.PageSize, [.. rows.Select(View)]);
    }

    public static DeliveryView View(Delivery d) => new(
        d.Id, d.EventId, d.Channel, DeliveryNames.Channel(d.Channel), d.Recipient, d.UserName, d.DisplayName,
        d.Kind, DeliveryNames.Kind(d.Kind), d.Title, d.Status, DeliveryNames.Status(d.Status),
        d.HeldFor is null ? null : DeliveryNames.Hold(d.HeldFor), d.Attempts, d.NextAttemptAt, d.Error, d.CreatedAt, d.At,
        d.ResentBy, d.ResentAt,
        [.. d.AttemptLog.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new DeliveryAttemptView(a.At, a.Outcome, a.ProviderAnswer, a.BatchSize, a.Actor))]);
}

/// <param name="From">First China calendar day (inclusive) the delivery was logged on.</param>
/// <param name="To">Last China calendar day (inclusive).</param>
/// <param name="Recipient">A user name or an address on the channel, matched exactly.</param>
public sealed record DeliveryFilter(
    string? Channel, DeliveryStatus? Status, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 20, string? Recipient = null);

public sealed record DeliveryPage(int Total, int Page, int PageSize, IReadOnlyList<DeliveryView> Items);

public sealed record DeliveryView(
    long Id, Guid EventId, string Channel, string ChannelName, string Recipient, string UserName, string DisplayName,
    MessageKind Kind, string KindName, string Title, DeliveryStatus Status, string StatusName, string? HeldFor,
    int Attempts, DateTimeOffset? NextAttemptAt, string? Error, DateTimeOffset CreatedAt, DateTimeOffset At,
    string? ResentBy, DateTimeOffset? ResentAt, IReadOnlyList<DeliveryAttemptView> AttemptLog);

public sealed record DeliveryAttemptView(DateTimeOffset At, AttemptOutcome Outcome, string? ProviderAnswer, int BatchSize, string? Actor);
