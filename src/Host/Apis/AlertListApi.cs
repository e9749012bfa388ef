using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Apis;

/// <summary>
/// The alert list's handlers (ADR 0035), mapped in <see cref="AlertsApi"/>: a page newest first, filtered by
/// <c>townshipCode</c>, <c>kind</c>, <c>stageKey</c>, <c>open</c> (true: unresolved; false: resolved), the task's
/// <c>dueAfter</c>/<c>dueBefore</c> and <c>q</c> (task title); and the badge's capped count under the same filters.
/// </summary>
public static class AlertListApi
{
    public const int CountCap = 999;

    public static async Task<Results<Ok<Page<AlertView>>, ValidationProblem>> ListAsync(
        string? townshipCode, string? kind, string? stageKey, string? open, string? dueAfter, string? dueBefore, string? q,
        string? limit, string? cursor, string? sort, ClaimsPrincipal user, AlertListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, AlertListQuery.Sorts);
        var filter = Filter(p, townshipCode, kind, stageKey, open, dueAfter, dueBefore, q);
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToActor(), filter, page, ct));
    }

    public static async Task<Results<Ok<ListCount>, ValidationProblem>> CountAsync(
        string? townshipCode, string? kind, string? stageKey, string? open, string? dueAfter, string? dueBefore, string? q,
        ClaimsPrincipal user, AlertListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var filter = Filter(p, townshipCode, kind, stageKey, open, dueAfter, dueBefore, q);
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(ListCount.Of(await query.CountAsync(user.ToActor(), filter, CountCap + 1, ct), CountCap));
    }

    private static AlertListFilter Filter(ListParameters p, string? townshipCode, string? kind, string? stageKey, string? open,
        string? dueAfter, string? dueBefore, string? q) =>
        new(p.Text("townshipCode", townshipCode, 12, "乡镇代码"),
            p.Member<AlertKind>("kind", kind, "预警类型", [.. Enum.GetNames<AlertKind>()]),
            p.Text("stageKey", stageKey, 60, "阶段"),
            p.Flag("open", open, "是否未解除"),
            p.Instant("dueAfter", dueAfter, upperBound: false, "期限起"),
            p.Instant("dueBefore", dueBefore, upperBound: true, "期限止"),
            p.Text("q", q, 50, "搜索词"));
}
