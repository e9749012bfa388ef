using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// The workflow list one page at a time (ADR 0035): by township (<c>township</c>: township code, start year, id —
/// the default) or by start (<c>started</c>: newest first), within what the caller may read.
/// </summary>
public sealed class WorkflowListQuery(WorkflowDbContext db)
{
    public const string Township = "township";
    public const string Started = "started";
    public static readonly IReadOnlyList<string> Sorts = [Township, Started];

    public async Task<Page<WorkflowSummary>> PageAsync(Actor actor, WorkflowListFilter filter, PageRequest page, CancellationToken ct)
    {
        var sort = page.Sort ?? Township;
        var scope = $"workflows|{sort}|{filter.Fingerprint}";
        var query = Filtered(Visible(actor), filter);
        List<WorkflowInstance> rows;
        if (sort == Started)
        {
            if (page.Cursor is { } cursor)
            {
                var key = CursorCodec.Decode(cursor, scope, 2);
                var at = CursorValues.Instant(key[0]) ?? throw CursorCodec.Invalid();
                var id = CursorValues.Id(key[1]);
                query = query.Where(w => w.StartedAt <= at && (w.StartedAt < at || w.Id.CompareTo(id) < 0));
            }
            rows = await query.OrderByDescending(w => w.StartedAt).ThenByDescending(w => w.Id).Take(page.Limit + 1).ToListAsync(ct);
        }
        else
        {
            if (page.Cursor is { } cursor)
            {
                var key = CursorCodec.Decode(cursor, scope, 3);
                var code = CursorValues.Text(key[0]);
                var year = (int)CursorValues.Number(key[1]);
                var id = CursorValues.Id(key[2]);
                query = query.Where(w => w.TownshipCode.CompareTo(code) >= 0
                    && (w.TownshipCode.CompareTo(code) > 0 || w.StartYear > year || (w.StartYear == year && w.Id.CompareTo(id) > 0)));
            }
            rows = await query.OrderBy(w => w.TownshipCode).ThenBy(w => w.StartYear).ThenBy(w => w.Id).Take(page.Limit + 1).ToListAsync(ct);
        }
        return Page<WorkflowSummary>.From(rows, page.Limit, WorkflowSummary.From, last => sort == Started
            ? CursorCodec.Encode(scope, CursorValues.Of(last.StartedAt), CursorValues.Of(last.Id))
            : CursorCodec.Encode(scope, last.TownshipCode, CursorValues.Of(last.StartYear), CursorValues.Of(last.Id)));
    }

    private static IQueryable<WorkflowInstance> Filtered(IQueryable<WorkflowInstance> workflows, WorkflowListFilter f)
    {
        if (f.TownshipCode is { } township) workflows = workflows.Where(w => w.TownshipCode == township);
        if (f.Status is { } status) workflows = workflows.Where(w => w.Status == status);
        if (f.StageKey is { } stage) workflows = workflows.Where(w => w.CurrentStageKey == stage);
        if (f.Track is { } track) workflows = workflows.Where(w => w.Track == track);
        if (f.Search is { } text) workflows = workflows.Where(w => w.TownshipName.Contains(text));
        return workflows;
    }

    /// <summary>The same boundaries as <see cref="WorkflowQueries"/>: county-wide all, a township its own, a department where it has tasks.</summary>
    private IQueryable<WorkflowInstance> Visible(Actor actor)
    {
        var query = db.Workflows.AsNoTracking();
        if (actor.IsCountyWide) return query;
        if (actor.TownshipCode is { } township) return query.Where(w => w.TownshipCode == township);
        if (actor.DepartmentCode is { } department)
            return query.Where(w => db.Tasks.Any(t => t.WorkflowId == w.Id && t.DepartmentCode == department));
        return query.Where(w => false);
    }
}
