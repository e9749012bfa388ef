using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>Alerts one page at a time, newest first (<c>raised</c>), keyset-paged on (raised_at, id) (ADR 0035).</summary>
public sealed class AlertListQuery(WorkflowDbContext db)
{
    public const string Raised = "raised";
    public static readonly IReadOnlyList<string> Sorts = [Raised];

    public async Task<Page<AlertView>> PageAsync(Actor actor, AlertListFilter filter, PageRequest page, CancellationToken ct)
    {
        var scope = $"alerts|{Raised}|{filter.Fingerprint}";
        var query = Filtered(actor, filter);
        if (page.Cursor is { } cursor)
        {
            var key = CursorCodec.Decode(cursor, scope, 2);
            var at = CursorValues.Instant(key[0]) ?? throw CursorCodec.Invalid();
            var id = CursorValues.Id(key[1]);
            query = query.Where(a => a.RaisedAt <= at && (a.RaisedAt < at || a.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(page.Limit + 1).ToListAsync(ct);
        return Page<AlertView>.From(rows, page.Limit, View,
            last => CursorCodec.Encode(scope, CursorValues.Of(last.RaisedAt), CursorValues.Of(last.Id)));
    }

    /// <summary>Up to <paramref name="cap"/> alerts the actor sees: a badge's figure, bounded by an index walk (ADR 0035).</summary>
    public Task<int> CountAsync(Actor actor, int cap, CancellationToken ct) => CountAsync(actor, AlertListFilter.None, cap, ct);

    /// <summary>Up to <paramref name="cap"/> alerts the actor sees that match <paramref name="filter"/> (the badge: unresolved ones).</summary>
    public Task<int> CountAsync(Actor actor, AlertListFilter filter, int cap, CancellationToken ct) =>
        Filtered(actor, filter).Take(cap).CountAsync(ct);

    private IQueryable<TaskAlert> Filtered(Actor actor, AlertListFilter filter)
    {
        var query = db.Alerts.AsNoTracking();
        if (!actor.IsCountyWide) query = query.Where(a => a.TownshipCode == actor.TownshipCode);
        if (filter.TownshipCode is { } township) query = query.Where(a => a.TownshipCode == township);
        if (filter.Kind is { } kind) query = query.Where(a => a.Kind == kind);
        if (filter.StageKey is { } stage) query = query.Where(a => a.StageKey == stage);
        if (filter.Open is { } open) query = open ? query.Where(a => a.ResolvedAt == null) : query.Where(a => a.ResolvedAt != null);
        // Npgsql writes only UTC instants to timestamptz: a China-day bound (+08:00) is converted first.
        if (filter.DueAfter?.ToUniversalTime() is { } after) query = query.Where(a => a.DueAt >= after);
        if (filter.DueBefore?.ToUniversalTime() is { } before) query = query.Where(a => a.DueAt <= before);
        // A substring filter during the ordered walk, as the inbox's (ADR 0035): the page's ≤ 50 rows bound the probes.
        if (filter.Search is { } text) query = query.Where(a => db.Tasks.Any(t => t.Id == a.TaskId && t.Title.Contains(text)));
        return query;
    }

    private static AlertView View(TaskAlert a) => new(a.Id, a.TaskId, a.WorkflowId, a.TownshipCode, a.Kind, a.RaisedAt);
}
