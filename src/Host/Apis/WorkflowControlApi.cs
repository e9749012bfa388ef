using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>The county office's hand on a whole workflow: cancel, suspend, resume. All take an <c>Idempotency-Key</c>.</summary>
public static class WorkflowControlApi
{
    public static IEndpointRouteBuilder MapWorkflowControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/{id:guid}/cancel", CancelAsync);
        api.MapPost("/{id:guid}/suspend", SuspendAsync);
        api.MapPost("/{id:guid}/resume", ResumeAsync);
        return app;
    }

    /// <summary>Cancels a running or suspended workflow: open tasks cancelled, pending timers stopped. Body: <c>{reason?}</c>.</summary>
    public static async Task<Ok<WorkflowSummary>> CancelAsync(
        Guid id, [FromBody] CancelWorkflow? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowControl control, CancellationToken ct) =>
        TypedResults.Ok(await control.CancelAsync(id, command ?? new CancelWorkflow(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Suspends a running workflow: tasks cannot change and due timers wait. Body: <c>{reason?}</c>.</summary>
    public static async Task<Ok<WorkflowSummary>> SuspendAsync(
        Guid id, [FromBody] SuspendWorkflow? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowControl control, CancellationToken ct) =>
        TypedResults.Ok(await control.SuspendAsync(id, command ?? new SuspendWorkflow(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Resumes a suspended workflow; deadlines that passed meanwhile take effect at once.</summary>
    public static async Task<Ok<WorkflowSummary>> ResumeAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowControl control, CancellationToken ct) =>
        TypedResults.Ok(await control.ResumeAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
