using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Apis;

/// <summary>
/// The inbox (我的待办), paged (ADR 0035): <c>GET /api/inbox?limit&amp;cursor&amp;sort=due|created&amp;townshipCode&amp;stageKey
/// &amp;overdue&amp;dueAfter&amp;dueBefore&amp;q</c> answers <c>{items, nextCursor}</c>; <c>GET /api/inbox/count</c> the badge's
/// figure, capped.
/// </summary>
public static class InboxApi
{
    public const int CountCap = 999;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/inbox").WithTags("Tasks");
        inbox.MapGet("/", InboxAsync);
        inbox.MapGet("/count", CountAsync);
        return app;
    }

    public static async Task<Results<Ok<Page<InboxItem>>, ValidationProblem>> InboxAsync(
        string? limit, string? cursor, string? sort, string? townshipCode, string? stageKey, string? overdue, string? dueAfter,
        string? dueBefore, string? q, ClaimsPrincipal user, InboxQuery query, CancellationToken ct)
    {
        var parameters = new ListParameters();
        var page = parameters.Page(limit, cursor, sort, InboxQuery.Sorts);
        var filter = Filter(parameters, townshipCode, stageKey, overdue, dueAfter, dueBefore, q);
        if (parameters.Errors.Count > 0) return Errors.Problems.Invalid(parameters.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToActor(), filter, page, ct));
    }

    public static async Task<Results<Ok<ListCount>, ValidationProblem>> CountAsync(
        string? townshipCode, string? stageKey, string? overdue, string? dueAfter, string? dueBefore, string? q,
        ClaimsPrincipal user, InboxQuery query, CancellationToken ct)
    {
        var parameters = new ListParameters();
        var filter = Filter(parameters, townshipCode, stageKey, overdue, dueAfter, dueBefore, q);
        if (parameters.Errors.Count > 0) return Errors.Problems.Invalid(parameters.Errors);
        return TypedResults.Ok(ListCount.Of(await query.CountAsync(user.ToActor(), filter, CountCap + 1, ct), CountCap));
    }

    private static InboxFilter Filter(
        ListParameters p, string? townshipCode, string? stageKey, string? overdue, string? dueAfter, string? dueBefore, string? q)
    {
        var after = p.Instant("dueAfter", dueAfter, upperBound: false, "截止时间下限");
        var before = p.Instant("dueBefore", dueBefore, upperBound: true, "截止时间上限");
        p.Range("dueAfter", after, "dueBefore", before);
        return new InboxFilter(p.Text("townshipCode", townshipCode, 12, "乡镇代码"), p.Text("stageKey", stageKey, 60, "阶段"),
            p.Flag("overdue", overdue, "是否逾期"), after, before, p.Text("q", q, 100, "搜索词"));
    }
}
