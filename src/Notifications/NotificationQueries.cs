using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications;

/// <summary>
/// A person's in-app notifications: those addressed to a role they hold, county-wide or in their township.
/// One event may reach a person through several audiences (someone holding two roles); they see it once,
/// and reading it once reads it everywhere.
/// </summary>
public sealed class NotificationQueries(NotificationDbContext db, TimeProvider clock)
{
    const int PageSize = 200;

    // The most audiences one event is written for (TaskOverdue: township leader, county leader, task role).
    // Reading that many rows per wanted line still yields a full page after folding duplicates.
    const int MaxAudiencesPerEvent = 3;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(NotificationRecipient recipient, CancellationToken ct)
    {
        var readEvents = ReadEventIds(recipient.UserName);
        var rows = await Visible(recipient)
            .OrderByDescending(n => n.At).ThenBy(n => n.Id)
            .Take(PageSize * MaxAudiencesPerEvent)
            .Select(n => new { n.Id, n.EventId, n.At, n.Title, n.Body, n.WorkflowId, n.TaskId, Read = readEvents.Contains(n.EventId) })
            .ToListAsync(ct);

        return [.. rows
            .DistinctBy(r => r.EventId)
            .Take(PageSize)
            .Select(r => new NotificationView(r.Id, r.At, r.Title, r.Body, r.Read, r.WorkflowId, r.TaskId))];
    }

    public Task<int> UnreadCountAsync(NotificationRecipient recipient, CancellationToken ct)
    {
        var readEvents = ReadEventIds(recipient.UserName);
        return Visible(recipient)
            .Where(n => !readEvents.Contains(n.EventId))
            .Select(n => n.EventId)
            .Distinct()
            .CountAsync(ct);
    }

    /// <summary>False when the notification does not exist or is not addressed to the recipient.</summary>
    public async Task<bool> MarkReadAsync(Guid id, NotificationRecipient recipient, CancellationToken ct)
    {
        if (!await Visible(recipient).AnyAsync(n => n.Id == id, ct))
            return false;
        if (await db.Reads.AnyAsync(r => r.NotificationId == id && r.UserName == recipient.UserName, ct))
            return true;

        db.Reads.Add(new NotificationRead { NotificationId = id, UserName = recipient.UserName, ReadAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A second click from another tab got there first: the notification is read either way.
            db.ChangeTracker.Clear();
        }

        return true;
    }

    IQueryable<Notification> Visible(NotificationRecipient recipient)
    {
        var roles = recipient.Roles.ToList();
        var township = recipient.TownshipCode;
        var department = recipient.DepartmentCode;
        var userName = recipient.UserName;
        return db.Notifications.AsNoTracking()
            .Where(n => roles.Contains(n.AudienceRole)
                && (n.AudienceTownshipCode == null || n.AudienceTownshipCode == township)
                && (n.AudienceDepartmentCode == null || n.AudienceDepartmentCode == department)
                && (n.AudienceUserName == null || n.AudienceUserName == userName));
    }

    IQueryable<Guid> ReadEventIds(string userName) =>
        from r in db.Reads
        join n in db.Notifications on r.NotificationId equals n.Id
        where r.UserName == userName
        select n.EventId;
}
