using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime.Copies;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Apis;

/// <summary>
/// The task operations besides completing and claiming (ADR 0031): 转办, 委派 and its resolution, 退回, 抄送, 撤回 on
/// <c>/api/tasks/{id}/…</c>, and 抄送我的 on <c>/api/copies</c>. The rules live in the engine; a user named in a body is
/// looked up here in Identity. A task the caller cannot see answers 404; every command takes an <c>Idempotency-Key</c>.
/// </summary>
public static class TaskOperationsApi
{
    public static IEndpointRouteBuilder MapTaskOperationsApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks/{id:guid}").WithTags("Task operations");
        tasks.MapPost("/transfer", TransferAsync);
        tasks.MapPost("/delegate", DelegateAsync);
        tasks.MapPost("/resolve", ResolveAsync);
        tasks.MapPost("/send-back", SendBackAsync);
        tasks.MapPost("/copy", CopyAsync);
        tasks.MapPost("/withdraw", WithdrawAsync);

        var copies = app.MapGroup("/api/copies").WithTags("Task operations");
        copies.MapGet("/", CopiesAsync);
        copies.MapPost("/{id:guid}/read", MarkReadAsync);
        return app;
    }

    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> TransferAsync(
        Guid id, [FromBody] TransferTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, UserManager<AppUser> users, WorkflowQueries queries, TaskOperations operations, CancellationToken ct)
    {
        var actor = user.ToActor();
        if (await queries.GetTaskAsync(actor, id, ct) is null) return Errors.Problems.NotFound("任务不存在。");
        command ??= new TransferTask(null, null);
        var target = await People.FindAsync(users, command.ToUser, "toUser");
        return TypedResults.Ok(await operations.TransferAsync(id, command, target, actor, IdempotencyKeys.Normalise(idempotencyKey), ct));
    }

    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> DelegateAsync(
        Guid id, [FromBody] DelegateTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, UserManager<AppUser> users, WorkflowQueries queries, TaskOperations operations, CancellationToken ct)
    {
        var actor = user.ToActor();
        if (await queries.GetTaskAsync(actor, id, ct) is null) return Errors.Problems.NotFound("任务不存在。");
        command ??= new DelegateTask(null, null);
        var target = await People.FindAsync(users, command.ToUser, "toUser");
        return TypedResults.Ok(await operations.DelegateAsync(id, command, target, actor, IdempotencyKeys.Normalise(idempotencyKey), ct));
    }

    /// <summary>The delegate hands the worked task back to its owner, who then completes it.</summary>
    public static async Task<Ok<TaskView>> ResolveAsync(
        Guid id, [FromBody] ResolveDelegation? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TaskOperations operations, CancellationToken ct) =>
        TypedResults.Ok(await operations.ResolveAsync(id, command ?? new ResolveDelegation(null), user.ToActor(),
            IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Answers the fresh task opened at the earlier element.</summary>
    public static async Task<Ok<TaskView>> SendBackAsync(
        Guid id, [FromBody] SendBackTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TaskOperations operations, CancellationToken ct) =>
        TypedResults.Ok(await operations.SendBackAsync(id, command ?? new SendBackTask(null, null), user.ToActor(),
            IdempotencyKeys.Normalise(idempotencyKey), ct));

    public static async Task<Results<Ok<CopyResult>, ProblemHttpResult>> CopyAsync(
        Guid id, [FromBody] CopyTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, UserManager<AppUser> users, WorkflowQueries queries, TaskOperations operations, CancellationToken ct)
    {
        var actor = user.ToActor();
        if (await queries.GetTaskAsync(actor, id, ct) is not { } task) return Errors.Problems.NotFound("任务不存在。");
        command ??= new CopyTask(null, null, null);
        var recipients = await People.CopyRecipientsAsync(users, command, task.TownshipCode);
        return TypedResults.Ok(await operations.CopyAsync(id, command, recipients, actor, IdempotencyKeys.Normalise(idempotencyKey), ct));
    }

    /// <summary>Answers the reopened task.</summary>
    public static async Task<Ok<TaskView>> WithdrawAsync(
        Guid id, [FromBody] WithdrawTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TaskOperations operations, CancellationToken ct) =>
        TypedResults.Ok(await operations.WithdrawAsync(id, command ?? new WithdrawTask(null), user.ToActor(),
            IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>抄送我的, newest first: <c>limit</c> 1–100 (default 20), <c>before</c> the last <c>createdAt</c> of the page before.</summary>
    public static async Task<Ok<IReadOnlyList<CopyView>>> CopiesAsync(
        int? limit, DateTimeOffset? before, ClaimsPrincipal user, TaskCopies copies, CancellationToken ct) =>
        TypedResults.Ok(await copies.ListAsync(user.ToActor(), limit, before, ct));

    public static async Task<Ok<CopyView>> MarkReadAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, TaskCopies copies, CancellationToken ct) =>
        TypedResults.Ok(await copies.MarkReadAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
