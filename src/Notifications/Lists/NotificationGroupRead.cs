using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications.Lists;

/// <summary>
/// Marks every notification of one workflow read for one person (已读 for a group of the grouped list), through the
/// notifications' workflow_id index: one read row per unread event, on the row of the event the person can see.
/// </summary>
public sealed class NotificationGroupRead(NotificationDbContext db, TimeProvider clock)
{
    /// <summary>How many events it marked read (0 when all were read already or none is visible).</summary>
    public async Task<int> MarkWorkflowReadAsync(NotificationRecipient recipient, Guid workflowId, CancellationToken ct)
    {
        // A click in another tab may insert one of the same reads at the same moment; the batch then rolls back as a
        // whole, and the second attempt finds that read and adds the rest.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MarkOnceAsync(recipient, workflowId, ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> MarkOnceAsync(NotificationRecipient recipient, Guid workflowId, CancellationToken ct)
    {
        var visible = new List<(Guid Id, Guid EventId)>();
        foreach (var (role, township, department) in NotificationListQuery.Audiences(recipient))
        {
            var rows = await db.Notifications.AsNoTracking()
                .Where(n => n.WorkflowId == workflowId && n.AudienceRole == role && n.AudienceTownshipCode == township && n.AudienceDepartmentCode == department)
                .Select(n => new { n.Id, n.EventId }).ToListAsync(ct);
            visible.AddRange(rows.Select(r => (r.Id, r.EventId)));
        }
        var events = visible.Select(v => v.EventId).Distinct().ToList();
        var read = await new NotificationListQuery(db).ReadEventsAsync(recipient.UserName, events, ct);
        var now = clock.GetUtcNow();
        var unread = visible.Where(v => !read.Contains(v.EventId)).DistinctBy(v => v.EventId).ToList();
        foreach (var (id, _) in unread)
            db.Reads.Add(new NotificationRead { NotificationId = id, UserName = recipient.UserName, ReadAt = now });
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
