using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>Creation workflows: start, list, read, journal.</summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows");
        api.MapPost("/", StartAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/journal", JournalAsync);
        return app;
    }

    public static async Task<Created<WorkflowDetail>> StartAsync(
        StartWorkflow command, ClaimsPrincipal user, WorkflowStarter starter, WorkflowQueries queries, CancellationToken ct)
    {
        var actor = user.ToActor();
        var workflow = await starter.StartAsync(command, actor, ct);
        var detail = await queries.GetAsync(actor, workflow.Id, ct);
        return TypedResults.Created($"/api/workflows/{workflow.Id}", detail);
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkflowSummary>>, ValidationProblem>> ListAsync(
        string? townshipCode, string? status, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct)
    {
        WorkflowStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var value) || int.TryParse(status, out _))
                return Errors.Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["状态必须是 running、suspended、completed 或 cancelled。"] });
            parsed = value;
        }
        return TypedResults.Ok(await queries.ListAsync(user.ToActor(), townshipCode, parsed, ct));
    }

    public static async Task<Results<Ok<WorkflowDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        await queries.GetAsync(user.ToActor(), id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Errors.Problems.NotFound("创建工作流不存在。");

    public static async Task<Results<Ok<IReadOnlyList<JournalView>>, ProblemHttpResult>> JournalAsync(
        Guid id, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        await queries.JournalAsync(user.ToActor(), id, ct) is { } journal
            ? TypedResults.Ok(journal)
            : Errors.Problems.NotFound("创建工作流不存在。");
}
