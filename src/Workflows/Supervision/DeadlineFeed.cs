using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Supervision;

/// <summary>One open task with a due time, as a person's calendar and daily digest show it.</summary>
public sealed record DeadlineItem(Guid TaskId, Guid WorkflowId, string TownshipName, string StageKey, string Title, DateTimeOffset DueAt, bool Overdue);

/// <summary>
/// A person's deadlines (ADR 0037): the open tasks with a due time that are theirs to do — assigned to them, or
/// unclaimed in their role and scope — and, for leaders, the ones they answer for: a township leader every open task of
/// the township, county leaders, the county office and the supervision office every open task of the county.
/// </summary>
public sealed class DeadlineFeed(WorkflowDbContext db)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<DeadlineItem>> DeadlinesAsync(Actor actor, CancellationToken ct)
    {
        var open = from t in db.Tasks.AsNoTracking()
                   join w in db.Workflows.AsNoTracking() on t.WorkflowId equals w.Id
                   where t.Status == UserTaskStatus.Open && t.DueAt != null && w.Status == WorkflowStatus.Running
                   select new { Task = t, w.TownshipName };
        var leadsCounty = actor.IsInRole(Roles.CountyLeader) || actor.IsInRole(Roles.CountyAdmin) || actor.IsInRole(Roles.CountySupervisor);
        if (!leadsCounty)
        {
            // Narrowed in the database to the actor's township or department; the role and scope check follows in memory.
            var township = actor.TownshipCode;
            var department = actor.DepartmentCode;
            open = open.Where(x => x.Task.Assignee == actor.UserName || (township != null && x.Task.TownshipCode == township)
                || (department != null && x.Task.DepartmentCode == department));
        }
        var rows = await open.OrderBy(x => x.Task.DueAt).Take(MaxItems * 2).ToListAsync(ct);
        var leadsTownship = actor.IsInRole(Roles.TownshipLeader);
        return [.. rows.Where(x => leadsCounty || x.Task.Assignee == actor.UserName
                || (leadsTownship && x.Task.TownshipCode == actor.TownshipCode)
                || (x.Task.Assignee is null && WorkflowGuard.CanWorkOn(actor, x.Task)))
            .Take(MaxItems)
            .Select(x => new DeadlineItem(x.Task.Id, x.Task.WorkflowId, x.TownshipName, x.Task.StageKey, x.Task.Title, x.Task.DueAt!.Value, x.Task.Overdue))];
    }
}
