using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Shizhu.Host.Identity;

namespace Shizhu.Host.Apis;

/// <summary>
/// People's contact details for the external channels (issue 15): e-mail, mainland mobile number (SMS, robots'
/// mentions), WeCom user id, DingTalk user id. The county office edits anyone's; every user their own.
/// </summary>
public static class ContactsApi
{
    /// <summary>Every field optional: empty or null means nothing on file for that channel.</summary>
    public sealed record ContactRequest(string? Email, string? Mobile, string? WeComUserId, string? DingTalkUserId);

    public sealed record ContactDto(string UserName, string DisplayName, string? Email, string? Mobile, string? WeComUserId, string? DingTalkUserId)
    {
        public static ContactDto From(AppUser user) =>
            new(user.UserName!, user.DisplayName, user.Email, user.PhoneNumber, user.WeComUserId, user.DingTalkUserId);
    }

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users/{userName}/contact").WithTags("Users").RequireAuthorization(Policies.CountyAdmin);
        users.MapGet("/", GetAsync);
        users.MapPut("/", PutAsync);
        var me = app.MapGroup("/api/me/contact").WithTags("Users").RequireAuthorization();
        me.MapGet("/", GetMineAsync);
        me.MapPut("/", PutMineAsync);
        return app;
    }

    public static async Task<Results<Ok<ContactDto>, ProblemHttpResult>> GetAsync(string userName, UserManager<AppUser> users) =>
        await users.FindByNameAsync(userName) is { } user ? TypedResults.Ok(ContactDto.From(user)) : UnknownUser(userName);

    /// <summary>400 naming each invalid field (<c>mobile</c>, <c>email</c>, <c>weComUserId</c>, <c>dingTalkUserId</c>) with the reason in Chinese.</summary>
    public static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string userName, ContactRequest? request, UserManager<AppUser> users, UserContacts contacts)
    {
        if (await users.FindByNameAsync(userName) is not { } user) return UnknownUser(userName);
        return await SaveAsync(user, request, contacts);
    }

    public static async Task<Results<Ok<ContactDto>, ProblemHttpResult>> GetMineAsync(HttpContext http, UserManager<AppUser> users) =>
        await Me(http, users) is { } user ? TypedResults.Ok(ContactDto.From(user)) : UnknownUser(http.User.Identity?.Name ?? "");

    public static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> PutMineAsync(
        HttpContext http, ContactRequest? request, UserManager<AppUser> users, UserContacts contacts)
    {
        if (await Me(http, users) is not { } user) return UnknownUser(http.User.Identity?.Name ?? "");
        return await SaveAsync(user, request, contacts);
    }

    static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        AppUser user, ContactRequest? request, UserContacts contacts)
    {
        if (request is null)
            return Errors.Problems.Invalid(new Dictionary<string, string[]> { ["body"] = ["请提交联系方式（email、mobile、weComUserId、dingTalkUserId）。"] });
        var errors = await contacts.UpdateAsync(user, new ContactRules.ContactDetails(request.Email, request.Mobile, request.WeComUserId, request.DingTalkUserId));
        return errors.Count > 0 ? Errors.Problems.Invalid(errors) : TypedResults.Ok(ContactDto.From(user));
    }

    // By name: bearer tokens and cookies both carry it (the token has no Identity user-id claim).
    static Task<AppUser?> Me(HttpContext http, UserManager<AppUser> users) => users.FindByNameAsync(http.User.Identity?.Name ?? "");

    static ProblemHttpResult UnknownUser(string userName) => Errors.Problems.NotFound($"用户 {userName} 不存在。");
}
