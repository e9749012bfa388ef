using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>Who works on a task (领办): claim, release, assign. All take an <c>Idempotency-Key</c>.</summary>
public static class TaskAssignmentApi
{
    public static IEndpointRouteBuilder MapTaskAssignmentApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapPost("/{id:guid}/claim", ClaimAsync);
        tasks.MapPost("/{id:guid}/release", ReleaseAsync);
        tasks.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(p => p.RequireRole(Roles.CountyAdmin, Roles.TownshipLeader));
        return app;
    }

    /// <summary>The caller, holding the task's role, becomes its assignee; 409 if someone else already claimed it.</summary>
    public static async Task<Ok<TaskView>> ClaimAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user,
        TaskAssignment assignment, CancellationToken ct) =>
        TypedResults.Ok(await assignment.ClaimAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>The assignee (or the county office) gives the task back to everyone holding its role.</summary>
    public static async Task<Ok<TaskView>> ReleaseAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user,
        TaskAssignment assignment, CancellationToken ct) =>
        TypedResults.Ok(await assignment.ReleaseAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>
    /// The county office (any township) or the township's leader (own township) names the assignee. The user is
    /// looked up here, in Identity; the engine checks they hold the task's role in its township.
    /// </summary>
    public static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, [FromBody] AssignTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, UserManager<AppUser> users, WorkflowQueries queries, TaskAssignment assignment, CancellationToken ct)
    {
        var actor = user.ToActor();
        if (await queries.GetTaskAsync(actor, id, ct) is null) return Errors.Problems.NotFound("任务不存在。");
        var name = command?.UserName?.Trim();
        if (string.IsNullOrEmpty(name)) return Invalid("请指定办理人（userName）。");
        var target = await users.FindByNameAsync(name);
        if (target is null) return Invalid($"用户 {name} 不存在。");
        var roles = await users.GetRolesAsync(target);
        var assignee = new Actor(target.UserName ?? name, roles.ToHashSet(StringComparer.Ordinal), target.TownshipCode, target.DepartmentCode, target.DisplayName);
        return TypedResults.Ok(await assignment.AssignAsync(id, assignee, actor, IdempotencyKeys.Normalise(idempotencyKey), ct));
    }

    private static ValidationProblem Invalid(string message) =>
        Errors.Problems.Invalid(new Dictionary<string, string[]> { ["userName"] = [message] });
}
