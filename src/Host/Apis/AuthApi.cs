using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;

namespace Shizhu.Host.Apis;

/// <summary>Signing in: bearer tokens for the API, a cookie (form post) for the web UI.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password);
    public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).AllowAnonymous().WithTags("Auth");
        app.MapPost("/account/login", CookieLoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", LogoutAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenService tokens)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);

        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null) return Unauthorized();
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem("登录失败次数过多，账号已暂时锁定，请稍后再试。", statusCode: StatusCodes.Status401Unauthorized, title: "账号已锁定");
        if (!result.Succeeded) return Unauthorized();

        var (token, expiresIn) = tokens.Issue(user, await users.GetRolesAsync(user));
        return TypedResults.Ok(new LoginResponse(token, "Bearer", expiresIn));
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");

    public static async Task<RedirectHttpResult> CookieLoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<AppUser> signIn)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return TypedResults.LocalRedirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(target)}");
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.LocalRedirect(target);
        var error = result.IsLockedOut ? "locked" : "invalid";
        return TypedResults.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
    }

    public static async Task<RedirectHttpResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/login");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
