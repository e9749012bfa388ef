using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Templates.Bpmn;

namespace Shizhu.Host.Apis;

/// <summary>
/// <c>GET /api/workflows/{id}/diagram-state</c>: the shapes of the workflow's diagram to highlight (ADR 0044) — its version's
/// BPMN is <c>GET /api/templates/{key}/versions/{n}/bpmn</c>. Visible as the workflow is (own township, own department's tasks).
/// </summary>
public static class WorkflowDiagramApi
{
    public static IEndpointRouteBuilder MapWorkflowDiagramApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workflows/{id:guid}/diagram-state", GetAsync).WithTags("Workflows");
        return app;
    }

    public static async Task<Results<Ok<WorkflowDiagramState>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, WorkflowDiagramQuery diagrams, CancellationToken ct) =>
        await diagrams.GetAsync(user.ToActor(), id, ct) is { } state
            ? TypedResults.Ok(state)
            : Errors.Problems.NotFound("创建工作流不存在，或您无权查看。");
}
