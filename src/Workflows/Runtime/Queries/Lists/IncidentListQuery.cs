using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>Incidents one page at a time, newest first (<c>created</c>); unresolved only unless <c>all</c> (ADR 0035).</summary>
public sealed class IncidentListQuery(WorkflowDbContext db)
{
    public const string Created = "created";
    public static readonly IReadOnlyList<string> Sorts = [Created];

    public async Task<Page<IncidentView>> PageAsync(Actor actor, bool all, string? townshipCode, PageRequest page, CancellationToken ct)
    {
        var scope = $"incidents|{Created}|{ListFingerprint.Of(all, townshipCode)}";
        var workflows = db.Workflows.AsNoTracking();
        if (!actor.IsCountyWide) workflows = workflows.Where(w => w.TownshipCode == actor.TownshipCode);
        if (townshipCode is not null) workflows = workflows.Where(w => w.TownshipCode == townshipCode);
        var incidents = db.Incidents.AsNoTracking().Where(i => all || i.ResolvedAt == null);
        if (page.Cursor is { } cursor)
        {
            var key = CursorCodec.Decode(cursor, scope, 2);
            var at = CursorValues.Instant(key[0]) ?? throw CursorCodec.Invalid();
            var id = CursorValues.Id(key[1]);
            incidents = incidents.Where(i => i.CreatedAt <= at && (i.CreatedAt < at || i.Id.CompareTo(id) < 0));
        }
        var rows = await (from i in incidents
                          join w in workflows on i.WorkflowId equals w.Id
                          orderby i.CreatedAt descending, i.Id descending
                          select new IncidentView(i.Id, i.WorkflowId, w.TownshipCode, i.ElementId, i.Error, i.CreatedAt, i.ResolvedAt, i.ResolvedBy))
            .Take(page.Limit + 1).ToListAsync(ct);
        return Page<IncidentView>.From(rows, page.Limit, r => r,
            last => CursorCodec.Encode(scope, CursorValues.Of(last.CreatedAt), CursorValues.Of(last.Id)));
    }
}
