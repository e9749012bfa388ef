using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Targets;

namespace Shizhu.Host.Apis;

/// <summary>Titles held (已获命名): recorded by the county office, or yielded by a workflow's naming.</summary>
public static class TitlesApi
{
    public static IEndpointRouteBuilder MapTitlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/titles").WithTags("Targets");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", RecordAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Policies.CountyAdmin);
        api.MapPost("/{id:guid}/revoke", RevokeAsync).RequireAuthorization(Policies.CountyAdmin);
        return app;
    }

    /// <summary>Every title the caller may see (a township's users: their own), revoked ones marked; <c>source</c> says recorded or workflow.</summary>
    public static async Task<Ok<IReadOnlyList<TitleView>>> ListAsync(ClaimsPrincipal user, TitlesHeld titles, CancellationToken ct) =>
        TypedResults.Ok(await titles.ListAsync(user.ToActor(), ct));

    /// <summary>One recorded title; 404 when it does not exist or belongs to another township.</summary>
    public static async Task<Ok<TitleView>> GetAsync(Guid id, ClaimsPrincipal user, TitlesHeld titles, CancellationToken ct) =>
        TypedResults.Ok(await titles.GetAsync(user.ToActor(), id, ct));

    /// <summary>Records a title held: <c>{townshipCode, title: national|municipal, year, documentNumber}</c>.</summary>
    public static async Task<Created<TitleView>> RecordAsync(
        RecordTitle command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TitleRegister register, CancellationToken ct)
    {
        var title = await register.RecordAsync(command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        return TypedResults.Created($"/api/titles/{title.Id}", title);
    }

    /// <summary>Corrects a recorded title: <c>{year, documentNumber, reason}</c>.</summary>
    public static async Task<Ok<TitleView>> EditAsync(
        Guid id, EditTitle command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TitleRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.EditAsync(id, command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Revokes a recorded title: <c>{reason}</c>. It stays in the list, marked revoked, and no longer counts.</summary>
    public static async Task<Ok<TitleView>> RevokeAsync(
        Guid id, RevokeTitle command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TitleRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.RevokeAsync(id, command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
