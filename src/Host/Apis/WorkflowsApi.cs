using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Host.Apis;

/// <summary>
/// Every route of a creation workflow (<c>/api/workflows/**</c>): start, list, read, journal; the county office's
/// cancel, suspend and resume; messages from outside. Every command takes an optional <c>Idempotency-Key</c> (ADR 0024).
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows");
        api.MapPost("/", StartAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/journal", JournalAsync);
        api.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/{id:guid}/resume", ResumeAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/{id:guid}/messages", DeliverAsync).RequireAuthorization(Policies.CountyAdmin);
        return app;
    }

    /// <summary>Starts a township's workflow; answers it in full. A repeat with the same key and body answers the workflow it started.</summary>
    public static async Task<Created<WorkflowDetail>> StartAsync(
        StartWorkflow command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowStarter starter, WorkflowQueries queries, CancellationToken ct)
    {
        var actor = user.ToActor();
        var workflow = await starter.StartAsync(command, actor, IdempotencyKeys.Normalise(idempotencyKey), ct);
        var detail = await queries.GetAsync(actor, workflow.Id, ct);
        return TypedResults.Created($"/api/workflows/{workflow.Id}", detail);
    }

    /// <summary>
    /// A page of the workflows the caller may read (ADR 0035): <c>limit</c>, <c>cursor</c>, <c>sort=township|started</c>,
    /// filters <c>townshipCode</c>, <c>status</c>, <c>stageKey</c>, <c>track</c>, <c>q</c> (township name); <c>{items, nextCursor}</c>.
    /// </summary>
    public static async Task<Results<Ok<Page<WorkflowSummary>>, ValidationProblem>> ListAsync(
        string? limit, string? cursor, string? sort, string? townshipCode, string? status, string? stageKey, string? track, string? q,
        ClaimsPrincipal user, WorkflowListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, WorkflowListQuery.Sorts);
        var filter = new WorkflowListFilter(p.Text("townshipCode", townshipCode, 12, "乡镇代码"),
            p.Member<WorkflowStatus>("status", status, "状态", ["running", "suspended", "completed", "cancelled"]),
            p.Text("stageKey", stageKey, 60, "阶段"), p.Text("track", track, 20, "创建类别"), p.Text("q", q, 50, "搜索词"));
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToActor(), filter, page, ct));
    }

    public static async Task<Results<Ok<WorkflowDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        await queries.GetAsync(user.ToActor(), id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Errors.Problems.NotFound("创建工作流不存在。");

    /// <summary>A page of the workflow's journal in the order it was written (ADR 0035): <c>limit</c>, <c>cursor</c>; <c>{items, nextCursor}</c>.</summary>
    public static async Task<Results<Ok<Page<JournalView>>, ValidationProblem, ProblemHttpResult>> JournalAsync(
        Guid id, string? limit, string? cursor, string? sort, ClaimsPrincipal user, JournalPageQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, JournalPageQuery.Sorts);
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return await query.PageAsync(user.ToActor(), id, page, ct) is { } journal
            ? TypedResults.Ok(journal)
            : Errors.Problems.NotFound("创建工作流不存在。");
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

    /// <summary>Resumes a suspended workflow; deadlines that passed meanwhile take effect at once. Body: <c>{reason?}</c>.</summary>
    public static async Task<Ok<WorkflowSummary>> ResumeAsync(
        Guid id, [FromBody] ResumeWorkflow? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, WorkflowControl control, CancellationToken ct) =>
        TypedResults.Ok(await control.ResumeAsync(id, command ?? new ResumeWorkflow(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Delivers a message (e.g. <c>municipal-verdict</c> with <c>{result: "passed"}</c>); 409 if the workflow is not waiting for it.</summary>
    public static async Task<Results<Ok<WorkflowDetail>, ProblemHttpResult>> DeliverAsync(
        Guid id, DeliverMessage command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, MessageDelivery delivery, WorkflowQueries queries, CancellationToken ct)
    {
        var actor = user.ToActor();
        await delivery.DeliverAsync(id, command, actor, IdempotencyKeys.Normalise(idempotencyKey), ct);
        return await queries.GetAsync(actor, id, ct) is { } detail ? TypedResults.Ok(detail) : Errors.Problems.NotFound("创建工作流不存在。");
    }
}
