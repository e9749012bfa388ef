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
/// <c>townshipCode</c> and <c>kind</c>; and the badge's capped count.
/// </summary>
public static class AlertListApi
{
    public const int CountCap = 999;

    public static async Task<Results<Ok<Page<AlertView>>, ValidationProblem>> ListAsync(
        string? townshipCode, string? kind, string? limit, string? cursor, string? sort, ClaimsPrincipal user, AlertListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, AlertListQuery.Sorts);
        var filter = new AlertListFilter(p.Text("townshipCode", townshipCode, 12, "乡镇代码"),
            p.Member<AlertKind>("kind", kind, "预警类型", [.. Enum.GetNames<AlertKind>()]));
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToActor(), filter, page, ct));
    }

    public static async Task<Ok<ListCount>> CountAsync(ClaimsPrincipal user, AlertListQuery query, CancellationToken ct) =>
        TypedResults.Ok(ListCount.Of(await query.CountAsync(user.ToActor(), CountCap + 1, ct), CountCap));
}
