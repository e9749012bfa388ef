using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// A workflow's journal one page at a time, in the order it was written (<c>written</c>: by id), keyset-paged on the
/// journal's (workflow_id, id) index (ADR 0035). A department's staff read only the rows about their department's tasks.
/// </summary>
public sealed class JournalPageQuery(WorkflowDbContext db)
{
    public const string Written = "written";
    public static readonly IReadOnlyList<string> Sorts = [Written];

    /// <summary>Null when the workflow does not exist for the actor.</summary>
    public async Task<Page<JournalView>?> PageAsync(Actor actor, Guid workflowId, PageRequest page, CancellationToken ct)
    {
        if (!await VisibleAsync(actor, workflowId, ct)) return null;
        var scope = $"journal|{workflowId:N}|{Written}";
        var after = page.Cursor is { } cursor ? CursorValues.Number(CursorCodec.Decode(cursor, scope, 1)[0]) : 0L;
        HashSet<Guid>? own = actor.ConfinedToDepartment is { } department
            ? (await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == workflowId && t.DepartmentCode == department).Select(t => t.Id).ToListAsync(ct)).ToHashSet()
            : null;

        // A department's rows are a subset: read further batches until the page is full or the journal ends.
        var page1 = new List<(long Id, JournalView View)>(page.Limit + 1);
        while (true)
        {
            var from = after;
            var batch = await db.Journal.AsNoTracking().Where(j => j.WorkflowId == workflowId && j.Id > from).OrderBy(j => j.Id)
                .Take(page.Limit + 1).Select(j => new { j.Id, j.At, j.Actor, j.Kind, j.Detail, j.Change }).ToListAsync(ct);
            foreach (var j in batch)
            {
                var view = JournalView.From(j.At, j.Actor, j.Kind, j.Detail, j.Change);
                if (own is null || JournalTasks.OnlyAbout(view, own)) page1.Add((j.Id, view));
                if (page1.Count > page.Limit) break;
            }
            if (page1.Count > page.Limit || batch.Count <= page.Limit) break;
            after = batch[^1].Id;
        }
        return Page<JournalView>.From(page1, page.Limit, r => r.View, last => CursorCodec.Encode(scope, CursorValues.Of(last.Id)));
    }

    private Task<bool> VisibleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var query = db.Workflows.AsNoTracking().Where(w => w.Id == id);
        if (actor.IsCountyWide) return query.AnyAsync(ct);
        if (actor.TownshipCode is { } township) return query.AnyAsync(w => w.TownshipCode == township, ct);
        if (actor.DepartmentCode is { } department)
            return query.AnyAsync(w => db.Tasks.Any(t => t.WorkflowId == w.Id && t.DepartmentCode == department), ct);
        return Task.FromResult(false);
    }
}
