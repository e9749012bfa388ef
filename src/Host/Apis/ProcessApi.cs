using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>Messages from outside into waiting workflows, and incidents an operator resolves.</summary>
public static class ProcessApi
{
    public sealed record DeliverMessageRequest(string? Name, JsonElement? Payload);

    public static IEndpointRouteBuilder MapProcessApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflows/{id:guid}/messages", DeliverAsync).RequireAuthorization(Policies.CountyAdmin).WithTags("Workflows");
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.CountyAdmin);
        incidents.MapGet("/", ListAsync);
        incidents.MapPost("/{id:guid}/retry", RetryAsync);
        return app;
    }

    /// <summary>Delivers a message (e.g. <c>municipal-verdict</c> with <c>{result: "passed"}</c>); 409 if the workflow is not waiting for it.</summary>
    public static async Task<Results<Ok<WorkflowDetail>, ProblemHttpResult>> DeliverAsync(
        Guid id, DeliverMessageRequest request, ClaimsPrincipal user, MessageDelivery delivery, WorkflowQueries queries, CancellationToken ct)
    {
        var actor = user.ToActor();
        await delivery.DeliverAsync(id, request.Name, request.Payload, actor, ct);
        return await queries.GetAsync(actor, id, ct) is { } detail ? TypedResults.Ok(detail) : Errors.Problems.NotFound("创建工作流不存在。");
    }

    public static async Task<Ok<IReadOnlyList<IncidentView>>> ListAsync(bool? all, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.IncidentsAsync(user.ToActor(), all ?? false, ct));

    public static async Task<NoContent> RetryAsync(Guid id, ClaimsPrincipal user, IncidentRetry retry, CancellationToken ct)
    {
        await retry.RetryAsync(id, user.ToActor(), ct);
        return TypedResults.NoContent();
    }
}
