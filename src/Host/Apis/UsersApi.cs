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
    public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, string[]? Roles, string? TownshipCode, string? Email);
    public sealed record UserDto(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? TownshipCode);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/", CreateAsync);
        return app;
    }

    public static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserManager<AppUser> users, WorkflowDbContext workflows, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = request.Roles ?? [];
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = ["请输入姓名。"];
        if (roles.Length == 0) errors["roles"] = ["请至少选择一个角色。"];
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) errors["roles"] = [$"未知角色：{unknown}。"];

        var townshipRole = roles.Any(r => r is Roles.TownshipLeader or Roles.TownshipStaff);
        if (townshipRole && roles.Any(r => Roles.CountyWide.Contains(r)))
            errors["roles"] = ["乡镇角色不能与县级角色同时授予。"];
        else if (townshipRole && string.IsNullOrWhiteSpace(request.TownshipCode))
            errors["townshipCode"] = ["乡镇用户必须指定所属乡镇。"];
        else if (!townshipRole && request.TownshipCode is not null)
            errors["townshipCode"] = ["县级用户不属于某个乡镇。"];
        else if (townshipRole && !await workflows.Townships.AnyAsync(t => t.Code == request.TownshipCode, ct))
            errors["townshipCode"] = [$"乡镇代码 {request.TownshipCode} 不存在。"];
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);

        var user = new AppUser
        {
            UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(),
            TownshipCode = townshipRole ? request.TownshipCode : null, Email = request.Email,
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
        return TypedResults.Created($"/api/users/{user.Id}", new UserDto(user.Id, user.UserName, user.DisplayName, roles, user.TownshipCode));
    }
}
