using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Apis;

/// <summary>User administration by the county office.</summary>
public static class UsersApi
{
    public sealed record CreateUserRequest(
        string? UserName, string? Password, string? DisplayName, string[]? Roles, string? TownshipCode, string? Email,
        string? DepartmentCode = null);

    public sealed record UserDto(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? TownshipCode,
        string? DepartmentCode);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/", CreateAsync);
        api.MapPost("/{userName}/disable", DisableAsync);
        return app;
    }

    /// <summary>
    /// Creates a user. A township user names an existing township, a county department's staff an existing department
    /// (<c>departmentCode</c>; an unknown one answers 422); everyone else names neither.
    /// </summary>
    public static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserManager<AppUser> users, WorkflowDbContext workflows, CancellationToken ct)
    {
        var errors = UserRequestRules.Check(request);
        var roles = request.Roles ?? [];
        var townshipRole = roles.Any(Roles.Township.Contains);
        var departmentRole = roles.Contains(Roles.CountyDepartment);
        if (errors.Count == 0 && townshipRole && !await workflows.Townships.AnyAsync(t => t.Code == request.TownshipCode, ct))
            errors["townshipCode"] = [$"乡镇代码 {request.TownshipCode} 不存在。"];
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);
        if (departmentRole && !await workflows.Departments.AnyAsync(d => d.Code == request.DepartmentCode, ct))
            return Errors.Problems.Unprocessable("departmentCode", $"部门代码 {request.DepartmentCode} 不存在：请从 GET /api/departments 中选择。");

        var user = new AppUser
        {
            UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(),
            TownshipCode = townshipRole ? request.TownshipCode : null, DepartmentCode = departmentRole ? request.DepartmentCode : null,
            Email = request.Email,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                return TypedResults.Problem($"用户名 {user.UserName} 已存在。", statusCode: StatusCodes.Status409Conflict, title: "操作冲突");
            return Errors.Problems.Invalid(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await users.AddToRolesAsync(user, roles);
        return TypedResults.Created($"/api/users/{user.Id}",
            new UserDto(user.Id, user.UserName, user.DisplayName, roles, user.TownshipCode, user.DepartmentCode));
    }

    /// <summary>
    /// Disables an account: it can no longer sign in, and its cookies and bearer tokens stop working at once
    /// (<see cref="UserSessions"/>). The county office cannot disable its own account, so it cannot lock itself out.
    /// </summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem>> DisableAsync(
        string userName, HttpContext http, UserManager<AppUser> users, UserSessions sessions)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = $"用户 {userName} 不存在。", Status = StatusCodes.Status404NotFound });
        if (string.Equals(users.GetUserId(http.User), user.Id, StringComparison.Ordinal))
            return Errors.Problems.Invalid(new Dictionary<string, string[]> { ["userName"] = ["不能停用自己的账号。"] });
        await sessions.DisableAsync(user);
        return TypedResults.NoContent();
    }
}
