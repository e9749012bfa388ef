using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime.Incidents;
using Shizhu.Workflows.Runtime.Queries;

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

    public static async Task<Ok<IReadOnlyList<IncidentView>>> ListAsync(bool? all, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.IncidentsAsync(user.ToActor(), all ?? false, ct));

    /// <summary>Runs the element the incident stopped at again; 204. A repeat with the same key answers 204 without running it again.</summary>
    public static async Task<NoContent> RetryAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, IncidentRetry retry, CancellationToken ct)
    {
        await retry.RetryAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        return TypedResults.NoContent();
    }
}
