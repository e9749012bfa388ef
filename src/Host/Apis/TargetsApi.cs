using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Targets;

namespace Shizhu.Host.Apis;

/// <summary>The county's target sheet (目标) for a year, computed from workflows and titles held.</summary>
public static class TargetsApi
{
    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/targets").WithTags("Targets").MapGet("/", SheetAsync);
        return app;
    }

    /// <summary><c>?year=</c> (default: this year): each target, its number, the count, the units behind it, met / on track / behind.</summary>
    public static async Task<Ok<TargetSheetView>> SheetAsync(int? year, ClaimsPrincipal user, TargetSheet sheet, CancellationToken ct) =>
        TypedResults.Ok(await sheet.ReadAsync(user.ToActor(), year, ct));
}
