using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Plans;

namespace Shizhu.Host.Apis;

/// <summary>Starting a whole plan (行事历) in one call.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plans/import", ImportAsync).RequireAuthorization(Policies.CountyAdmin).WithTags("Plans");
        return app;
    }

    /// <summary>
    /// Starts every entry's workflow; an entry whose township already has one on the track answers <c>existing</c>
    /// with it, an entry at fault answers <c>invalid</c> with its field (<c>entries[3].track</c>). Always 200 with
    /// one answer per entry, unless the request as a whole is unusable (400).
    /// </summary>
    public static async Task<Ok<PlanImportResult>> ImportAsync(
        [FromBody] ImportPlan? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, PlanImporter importer, CancellationToken ct) =>
        TypedResults.Ok(await importer.ImportAsync(command ?? new ImportPlan(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
