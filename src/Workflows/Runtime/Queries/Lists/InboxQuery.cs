using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>
/// The inbox (我的待办) one page at a time (ADR 0035): open tasks for the caller's roles in their scope — their
/// township's, the county office's, or their department's — by due time (<c>due</c>: soonest first, tasks without a
/// due time last) or by creation (<c>created</c>: newest first), keyset-paged on (sort key, id).
/// </summary>
public sealed class InboxQuery(WorkflowDbContext db, TemplateCatalog catalog)
{
    public const string Due = "due";
    public const string Created = "created";
    public static readonly IReadOnlyList<string> Sorts = [Due, Created];

    public async Task<Page<InboxItem>> PageAsync(Actor actor, InboxFilter filter, PageRequest page, CancellationToken ct)
    {
        var sort = page.Sort ?? Due;
        var scope = $"inbox|{sort}|{filter.Fingerprint}";
        var open = Filtered(Open(actor), filter);
        var rows = sort == Created
            ? await NewestFirstAsync(open, page, scope, ct)
            : await SoonestDueFirstAsync(open, page, scope, ct);
        var items = await ItemsAsync(rows.Take(page.Limit).ToList(), ct);
        string? next = rows.Count > page.Limit ? CursorOf(rows[page.Limit - 1], sort, scope) : null;
        return new Page<InboxItem>(items, next);
    }

    /// <summary>Up to <paramref name="bound"/> of the actor's open tasks matching <paramref name="filter"/>: a badge's figure, one bounded index walk.</summary>
    public Task<int> CountAsync(Actor actor, InboxFilter filter, int bound, CancellationToken ct) =>
        Filtered(Open(actor), filter).Take(bound).CountAsync(ct);

    /// <summary>
    /// Open tasks the actor acts on. Each kind of user has one branch, so PostgreSQL walks one partial index in
    /// order: the county office by (scope, due_at, id), a township by (township_code, scope, due_at, id), a
    /// department by (department_code, due_at, id).
    /// </summary>
    private IQueryable<WorkflowTask> Open(Actor actor)
    {
        var roles = actor.Roles.ToList();
        var township = actor.TownshipCode;
        var department = actor.DepartmentCode;
        var countyWide = actor.IsCountyWide;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open && roles.Contains(t.Role));
        return (countyWide, township, department) switch
        {
            (true, null, null) => tasks.Where(t => t.Scope == TaskScope.County),
            (false, { } code, null) => tasks.Where(t => t.Scope == TaskScope.Township && t.TownshipCode == code),
            (false, null, { } code) => tasks.Where(t => t.Scope == TaskScope.Department && t.DepartmentCode == code),
            _ => tasks.Where(t => (t.Scope == TaskScope.Township && t.TownshipCode == township) || (t.Scope == TaskScope.County && countyWide)
                                  || (t.Scope == TaskScope.Department && t.DepartmentCode == department)),
        };
    }

    private static IQueryable<WorkflowTask> Filtered(IQueryable<WorkflowTask> tasks, InboxFilter f)
    {
        if (f.TownshipCode is { } township) tasks = tasks.Where(t => t.TownshipCode == township);
        if (f.StageKey is { } stage) tasks = tasks.Where(t => t.StageKey == stage);
        if (f.Overdue is { } overdue) tasks = tasks.Where(t => t.Overdue == overdue);
        if (f.DueAfter is { } after) tasks = tasks.Where(t => t.DueAt >= after);
        if (f.DueBefore is { } before) tasks = tasks.Where(t => t.DueAt <= before);
        if (f.Search is { } text) tasks = tasks.Where(t => t.Title.Contains(text));
        return tasks;
    }

    private static async Task<List<WorkflowTask>> NewestFirstAsync(IQueryable<WorkflowTask> tasks, PageRequest page, string scope, CancellationToken ct)
    {
        if (page.Cursor is { } cursor)
        {
            var key = CursorCodec.Decode(cursor, scope, 2);
            var at = CursorValues.Instant(key[0]) ?? throw CursorCodec.Invalid();
            var id = CursorValues.Id(key[1]);
            // The redundant "<= at" is what PostgreSQL can use as an index bound; the OR alone it could only filter by.
            tasks = tasks.Where(t => t.CreatedAt <= at && (t.CreatedAt < at || t.Id.CompareTo(id) < 0));
        }
        return await tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(page.Limit + 1).ToListAsync(ct);
    }

    /// <summary>
    /// Tasks with a due time first (by due time, then id), then those without one (by id). Two ranges rather than one
    /// order with NULLS LAST, because SQLite and PostgreSQL place nulls differently and each range is an index walk.
    /// </summary>
    private static async Task<List<WorkflowTask>> SoonestDueFirstAsync(IQueryable<WorkflowTask> tasks, PageRequest page, string scope, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        Guid? after = null;
        if (page.Cursor is { } cursor)
        {
            var key = CursorCodec.Decode(cursor, scope, 2);
            at = CursorValues.Instant(key[0]);
            after = CursorValues.Id(key[1]);
        }
        var rows = new List<WorkflowTask>(page.Limit + 1);
        if (after is null || at is not null)
        {
            var dated = tasks.Where(t => t.DueAt != null);
            if (at is { } due && after is { } id)
                dated = dated.Where(t => t.DueAt >= due && (t.DueAt > due || t.Id.CompareTo(id) > 0));
            rows.AddRange(await dated.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(page.Limit + 1).ToListAsync(ct));
            if (rows.Count > page.Limit) return rows;
            after = null;
        }
        var undated = tasks.Where(t => t.DueAt == null);
        if (after is { } last) undated = undated.Where(t => t.Id.CompareTo(last) > 0);
        rows.AddRange(await undated.OrderBy(t => t.Id).Take(page.Limit + 1 - rows.Count).ToListAsync(ct));
        return rows;
    }

    private static string CursorOf(WorkflowTask last, string sort, string scope) =>
        CursorCodec.Encode(scope, CursorValues.Of(sort == Created ? last.CreatedAt : last.DueAt), CursorValues.Of(last.Id));

    /// <summary>The page's rows with their township and stage names, department names and allowed outcomes.</summary>
    private async Task<IReadOnlyList<InboxItem>> ItemsAsync(List<WorkflowTask> tasks, CancellationToken ct)
    {
        if (tasks.Count == 0) return [];
        var workflowIds = tasks.Select(t => t.WorkflowId).Distinct().ToList();
        var workflows = await db.Workflows.AsNoTracking().Where(w => workflowIds.Contains(w.Id))
            .Select(w => new { w.Id, w.TownshipName, w.TemplateKey, w.TemplateVersion }).ToDictionaryAsync(w => w.Id, ct);
        var stages = await db.Stages.AsNoTracking().Where(s => workflowIds.Contains(s.WorkflowId))
            .Select(s => new { s.WorkflowId, s.Key, s.Name }).ToListAsync(ct);
        var stageNames = stages.ToDictionary(s => (s.WorkflowId, s.Key), s => s.Name);
        var departments = tasks.Any(t => t.DepartmentCode is not null)
            ? await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct)
            : [];
        var items = new List<InboxItem>(tasks.Count);
        foreach (var t in tasks)
        {
            var w = workflows[t.WorkflowId];
            var template = await catalog.GetAsync(db, w.TemplateKey, w.TemplateVersion, ct);
            var outcomes = template.Elements.SingleOrDefault(e => e.Id == t.ElementId)?.Outcomes ?? [];
            var departmentName = t.DepartmentCode is { } code ? departments.GetValueOrDefault(code, code) : null;
            items.Add(new InboxItem(t.Id, t.WorkflowId, t.TownshipCode, w.TownshipName, t.StageKey, stageNames.GetValueOrDefault((t.WorkflowId, t.StageKey), t.StageKey),
                t.Title, t.Status, t.DueAt, t.Overdue, t.Role, outcomes, t.Scope, t.DepartmentCode, departmentName));
        }
        return items;
    }
}
