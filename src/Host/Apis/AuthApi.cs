using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Shizhu.Host.Identity;
using Shizhu.Host.Setup;

namespace Shizhu.Host.Apis;

/// <summary>Signing in: bearer tokens for the API, a cookie (form post) for the web UI; signing out ends every session.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password);
    public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).WithTags("Auth");
        app.MapPost("/account/login", CookieLoginAsync).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost("/account/logout", LogoutAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext context, PasswordSignIn passwords, UserManager<AppUser> users, TokenService tokens)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);

        var outcome = await passwords.CheckAsync(request.UserName!, request.Password!, context.Connection.RemoteIpAddress);
        if (outcome.RetryAfter is { } retryAfter) return TooManyAttempts(context, retryAfter);
        if (outcome.User is not { } user) return Unauthorized();

        var (token, expiresIn) = tokens.Issue(user, await users.GetRolesAsync(user));
        return TypedResults.Ok(new LoginResponse(token, "Bearer", expiresIn));
    }

    /// <summary>One answer for an unknown user, a wrong password, a locked or a disabled account: nobody learns which.</summary>
    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");

    private static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        SignInSetup.SetRetryAfter(context, retryAfter);
        return TypedResults.Problem(SignInSetup.TooManyAttemptsText, statusCode: StatusCodes.Status429TooManyRequests, title: "尝试次数过多");
    }

    /// <summary>
    /// The sign-in form's post. It checks the antiforgery token and reads the form itself, as sign-out does: a
    /// <c>[FromForm]</c> parameter bound by the generated request delegate (ADR 0051) throws on an invalid token (a 500)
    /// where a refusal is due.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CookieLoginAsync(
        HttpContext context, IAntiforgery antiforgery, PasswordSignIn passwords, SignInManager<AppUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return InvalidAntiforgeryToken();
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem("请在登录页填写用户名和密码后提交。", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不是登录表单");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem("登录表单无法读取，请刷新页面后重试。", statusCode: StatusCodes.Status400BadRequest, title: "表单无效");
        }
        var (userName, password, returnUrl) = (form["userName"].FirstOrDefault(), form["password"].FirstOrDefault(), form["returnUrl"].FirstOrDefault());
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return TypedResults.LocalRedirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(target)}");
        var outcome = await passwords.CheckAsync(userName, password, context.Connection.RemoteIpAddress);
        if (outcome.RetryAfter is not null)
            return TypedResults.LocalRedirect($"/login?error=throttled&returnUrl={Uri.EscapeDataString(target)}");
        if (outcome.User is not { } user)
            return TypedResults.LocalRedirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.LocalRedirect(target);
    }

    /// <summary>
    /// Sign-out takes the antiforgery token like any other form, so a foreign page cannot sign the user out, and it
    /// changes the security stamp: a cookie or token copied before it no longer works.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LogoutAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserSessions sessions)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return InvalidAntiforgeryToken();
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user) await sessions.EndAllAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/login");
    }

    private static ProblemHttpResult InvalidAntiforgeryToken() =>
        TypedResults.Problem("请求缺少有效的防伪令牌，请刷新页面后重试。", statusCode: StatusCodes.Status400BadRequest, title: "防伪验证失败");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
