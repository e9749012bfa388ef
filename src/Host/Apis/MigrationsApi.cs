using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.InstanceMigration;

namespace Shizhu.Host.Apis;

/// <summary>
/// Instance migration (ADR 0028): move running workflows from one version of their template to another. The dry run
/// writes nothing; execution runs one engine command per workflow. County office and template administrators only;
/// a plan at fault answers 400 naming its field (<c>mappings[1].to</c>), a workflow whose state cannot be mapped 422
/// with one error per element (<c>elements.{id}</c>).
/// </summary>
public static class MigrationsApi
{
    public static IEndpointRouteBuilder MapMigrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Migrations")
            .RequireAuthorization(p => p.RequireRole(Roles.CountyAdmin, Roles.TemplateAdmin));
        api.MapPost("/migrations/dry-run", DryRunAsync);
        api.MapPost("/migrations", ExecuteAsync);
        api.MapPost("/workflows/{id:guid}/migrate", MigrateAsync);
        return app;
    }

    /// <summary>What executing the plan would do to each workflow its filter selects: tokens, tasks, timers, stages, refusals.</summary>
    public static async Task<Ok<MigrationBatchView>> DryRunAsync(
        [FromBody] MigrationPlanRequest? plan, ClaimsPrincipal user, WorkflowMigration migration, CancellationToken ct) =>
        TypedResults.Ok(await migration.DryRunAsync(plan, user.ToActor(), ct));

    /// <summary>Migrates each selected workflow in its own command; 200 with each one's result, refused ones with their reasons.</summary>
    public static async Task<Ok<MigrationBatchView>> ExecuteAsync(
        [FromBody] MigrationPlanRequest? plan, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowMigration migration, CancellationToken ct) =>
        TypedResults.Ok(await migration.ExecuteAsync(plan, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Migrates one workflow (the plan's filter is ignored); 422 when its state cannot be mapped, and then nothing changed.</summary>
    public static async Task<Ok<WorkflowMigrationView>> MigrateAsync(
        Guid id, [FromBody] MigrationPlanRequest? plan, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowMigration migration, CancellationToken ct) =>
        TypedResults.Ok(await migration.MigrateAsync(id, plan, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
