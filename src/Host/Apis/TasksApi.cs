using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>The work inbox (我的待办) and task completion.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inbox", InboxAsync).WithTags("Tasks");
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/{id:guid}", GetAsync);
        // 422 when required evidence is missing: one error per requirement (evidence.{key}).
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<InboxItem>>> InboxAsync(ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.InboxAsync(user.ToActor(), ct));

    public static async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        await queries.GetTaskAsync(user.ToActor(), id, ct) is { } task ? TypedResults.Ok(task) : Errors.Problems.NotFound("任务不存在。");

    /// <summary>
    /// Completes a task. With an <c>Idempotency-Key</c> header a repeat answers the first result; without one
    /// a second completion answers 409. A task of another township answers 404, as if it did not exist.
    /// </summary>
    public static async Task<Ok<TaskView>> CompleteAsync(
        Guid id, [FromBody] CompleteTask? command, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, TaskCompleter completer, CancellationToken ct)
    {
        var task = await completer.CompleteAsync(id, command ?? new CompleteTask(null, null, null), user.ToActor(),
            string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), ct);
        return TypedResults.Ok(TaskView.From(task));
    }
}
