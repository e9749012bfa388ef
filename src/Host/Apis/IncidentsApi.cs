using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Runtime.Incidents;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Apis;

/// <summary>Incidents (流程异常) an operator resolves: list, retry. Retry takes an optional <c>Idempotency-Key</c> (ADR 0024).</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.CountyAdmin);
        incidents.MapGet("/", ListAsync);
        incidents.MapPost("/{id:guid}/retry", RetryAsync);
        return app;
    }

    /// <summary>A page of incidents, newest first (ADR 0035): <c>all</c> (resolved too), <c>townshipCode</c>, <c>limit</c>, <c>cursor</c>.</summary>
    public static async Task<Results<Ok<Page<IncidentView>>, ValidationProblem>> ListAsync(
        string? all, string? townshipCode, string? limit, string? cursor, string? sort, ClaimsPrincipal user, IncidentListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, IncidentListQuery.Sorts);
        var everything = p.Flag("all", all, "包括已解决") ?? false;
        var township = p.Text("townshipCode", townshipCode, 12, "乡镇代码");
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToActor(), everything, township, page, ct));
    }

    /// <summary>Runs the element the incident stopped at again; 204. A repeat with the same key answers 204 without running it again.</summary>
    public static async Task<NoContent> RetryAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, IncidentRetry retry, CancellationToken ct)
    {
        await retry.RetryAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        return TypedResults.NoContent();
    }
}
