using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Persistence;
using Shizhu.Persistence.Paging;

namespace Shizhu.Notifications.Lists;

/// <summary>
/// A person's notifications one page at a time, newest first (ADR 0035). A notification is written per audience
/// (a role, county-wide or in one township or department), so a person's list is the union of a few audiences;
/// each audience is read on its own as one walk of the (audience_role, audience_township_code,
/// audience_department_code, at, event_id) index bounded by the page size, and the walks are merged here.
/// One event reaching a person through two audiences shows once. Read state is looked up for the page's events
/// only, through the event_id index and the reads' primary key — never by joining every read to every row.
/// </summary>
public sealed class NotificationListQuery(NotificationDbContext db)
{
    public const string Newest = "newest";
    public static readonly IReadOnlyList<string> Sorts = [Newest];

    public async Task<Page<NotificationView>> PageAsync(NotificationRecipient recipient, NotificationListFilter filter, PageRequest page, CancellationToken ct)
    {
        var scope = $"notifications|{Newest}|{filter.Fingerprint}";
        DateTimeOffset? at = null;
        Guid? eventId = null;
        if (page.Cursor is { } cursor)
        {
            var key = CursorCodec.Decode(cursor, scope, 2);
            at = CursorValues.Instant(key[0]) ?? throw CursorCodec.Invalid();
            eventId = CursorValues.Id(key[1]);
        }

        var rows = new List<Row>();
        foreach (var audience in Audiences(recipient))
        {
            var query = Filtered(audience, recipient.UserName, filter);
            if (at is { } after && eventId is { } lastEvent)
                query = query.Where(n => n.At <= after && (n.At < after || n.EventId.CompareTo(lastEvent) < 0));
            rows.AddRange(await query.OrderByDescending(n => n.At).ThenByDescending(n => n.EventId).Take(page.Limit + 1)
                .Select(n => new Row(n.Id, n.EventId, n.At, n.Title, n.Body, n.WorkflowId, n.TaskId)).ToListAsync(ct));
        }
        // The same order as the SQL's (at desc, event_id desc): Guid.CompareTo orders as the canonical text, which is
        // how PostgreSQL orders uuid and SQLite the TEXT it stores ids in.
        var merged = rows.DistinctBy(r => r.EventId).OrderByDescending(r => r.At).ThenByDescending(r => r.EventId)
            .Take(page.Limit + 1).ToList();
        var read = await ReadEventsAsync(recipient.UserName, [.. merged.Take(page.Limit).Select(r => r.EventId)], ct);
        return Page<NotificationView>.From(merged, page.Limit,
            r => new NotificationView(r.Id, r.At, r.Title, r.Body, read.Contains(r.EventId), r.WorkflowId, r.TaskId),
            last => CursorCodec.Encode(scope, CursorValues.Of(last.At), CursorValues.Of(last.EventId)));
    }

    /// <summary>Unread events, counted up to <paramref name="cap"/>: a badge shows "99+" rather than scanning everything.</summary>
    public async Task<int> UnreadCountAsync(NotificationRecipient recipient, int cap, CancellationToken ct)
    {
        var events = new HashSet<Guid>();
        foreach (var audience in Audiences(recipient))
        {
            events.UnionWith(await Filtered(audience, recipient.UserName, new NotificationListFilter(UnreadOnly: true))
                .OrderByDescending(n => n.At).Select(n => n.EventId).Take(cap).ToListAsync(ct));
            if (events.Count >= cap) break;
        }
        return Math.Min(events.Count, cap);
    }

    /// <summary>Of <paramref name="eventIds"/>, those the person has read (through any audience's row of the event).</summary>
    public async Task<HashSet<Guid>> ReadEventsAsync(string userName, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0) return [];
        var ids = eventIds.ToList();
        return (await (from n in db.Notifications.AsNoTracking()
                       where ids.Contains(n.EventId)
                       join r in db.Reads.AsNoTracking() on new { NotificationId = n.Id, UserName = userName } equals new { r.NotificationId, r.UserName }
                       select n.EventId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    private IQueryable<Notification> Filtered(Audience audience, string userName, NotificationListFilter filter)
    {
        var (role, township, department) = audience;
        var query = db.Notifications.AsNoTracking().Where(n => n.AudienceRole == role);
        query = township is null ? query.Where(n => n.AudienceTownshipCode == null) : query.Where(n => n.AudienceTownshipCode == township);
        query = department is null ? query.Where(n => n.AudienceDepartmentCode == null) : query.Where(n => n.AudienceDepartmentCode == department);
        if (filter.WorkflowId is { } workflowId) query = query.Where(n => n.WorkflowId == workflowId);
        if (filter.UnreadOnly)
            query = query.Where(n => !db.Notifications.Any(same => same.EventId == n.EventId
                && db.Reads.Any(r => r.NotificationId == same.Id && r.UserName == userName)));
        return query;
    }

    /// <summary>Every audience a person belongs to: each role, county-wide or in their township, for all or for their department.</summary>
    public static IEnumerable<Audience> Audiences(NotificationRecipient recipient)
    {
        string?[] townships = recipient.TownshipCode is null ? [null] : [null, recipient.TownshipCode];
        string?[] departments = recipient.DepartmentCode is null ? [null] : [null, recipient.DepartmentCode];
        foreach (var role in recipient.Roles.Order(StringComparer.Ordinal))
            foreach (var township in townships)
                foreach (var department in departments)
                    yield return new Audience(role, township, department);
    }

    public sealed record Audience(string Role, string? TownshipCode, string? DepartmentCode);

    private sealed record Row(Guid Id, Guid EventId, DateTimeOffset At, string Title, string Body, Guid? WorkflowId, Guid? TaskId);
}
