using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates.Schema;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Host.Apis;

/// <summary>
/// Template versions: list, read, the JSON Schema, and the lifecycle draft → validate → publish → retire.
/// Anyone signed in may read and validate; saving, publishing and retiring need <c>template-admin</c>.
/// A refused template answers 422 with every problem, keyed by <c>{elementId}.{field}</c> in <c>errors</c>
/// and listed in full in <c>problems</c>. Saving, publishing and retiring take an optional <c>Idempotency-Key</c> (ADR 0024).
/// </summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/templates").WithTags("Templates");
        api.MapGet("/", ListAsync);
        api.MapGet("/schema", Schema);
        api.MapGet("/{key}/versions/{version:int}", GetAsync);
        api.MapPost("/{key}/versions/{version:int}/validate", ValidateAsync);
        api.MapPost("/{key}/drafts", CreateDraftAsync).RequireAuthorization(p => p.RequireRole(Roles.TemplateAdmin));
        api.MapPost("/{key}/versions/{version:int}/publish", PublishAsync).RequireAuthorization(p => p.RequireRole(Roles.TemplateAdmin));
        api.MapPost("/{key}/versions/{version:int}/retire", RetireAsync).RequireAuthorization(p => p.RequireRole(Roles.TemplateAdmin));
        api.MapGet("/{key}/versions/{version:int}/bpmn", TemplateBpmnApi.ExportAsync);
        api.MapPost("/{key}/drafts/bpmn", TemplateBpmnApi.ImportAsync).RequireAuthorization(p => p.RequireRole(Roles.TemplateAdmin));
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateSummary>>> ListAsync(TemplateVersions templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.ListAsync(ct));

    /// <summary>The JSON Schema (draft 2020-12) of a template document.</summary>
    public static ContentHttpResult Schema() => TypedResults.Text(TemplateSchema.Json, TemplateSchema.MediaType);

    public static async Task<Results<Ok<TemplateVersionDetail>, ProblemHttpResult>> GetAsync(
        string key, int version, TemplateVersions templates, CancellationToken ct) =>
        await templates.GetAsync(key, version, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Errors.Problems.NotFound($"模板 {key} 没有第 {version} 版。");

    /// <summary>Validates a stored version as publishing would; the report lists every problem (none: valid).</summary>
    public static async Task<Ok<TemplateValidationReport>> ValidateAsync(string key, int version, TemplateVersions templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.ValidateAsync(key, version, ct));

    /// <summary>Saves the body (a template document) as the next version of <paramref name="key"/>, a draft.</summary>
    public static async Task<Results<Created<TemplateVersionDetail>, ProblemHttpResult>> CreateDraftAsync(
        string key, JsonElement document, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TemplateVersions templates, ILogger<TemplateVersions> log, CancellationToken ct)
    {
        try
        {
            var draft = await templates.CreateDraftAsync(key, document, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
            log.LogInformation("Template {TemplateKey} v{TemplateVersion} saved as a draft by {UserName}", draft.Key, draft.Version, user.Identity?.Name);
            return TypedResults.Created($"/api/templates/{draft.Key}/versions/{draft.Version}", draft);
        }
        catch (InvalidTemplateException e)
        {
            return Unprocessable(e);
        }
    }

    public static async Task<Results<Ok<TemplateVersionDetail>, ProblemHttpResult>> PublishAsync(
        string key, int version, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TemplateVersions templates, ILogger<TemplateVersions> log, CancellationToken ct)
    {
        try
        {
            var published = await templates.PublishAsync(key, version, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
            log.LogInformation("Template {TemplateKey} v{TemplateVersion} published by {UserName}", key, version, user.Identity?.Name);
            return TypedResults.Ok(published);
        }
        catch (InvalidTemplateException e)
        {
            return Unprocessable(e);
        }
    }

    public static async Task<Ok<TemplateVersionDetail>> RetireAsync(
        string key, int version, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TemplateVersions templates, ILogger<TemplateVersions> log, CancellationToken ct)
    {
        var retired = await templates.RetireAsync(key, version, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        log.LogInformation("Template {TemplateKey} v{TemplateVersion} retired by {UserName}", key, version, user.Identity?.Name);
        return TypedResults.Ok(retired);
    }

    /// <summary>RFC 9457 with status 422: <c>errors</c> for generic clients, <c>problems</c> (code included) for the UI.</summary>
    internal static ProblemHttpResult Unprocessable(InvalidTemplateException e)
    {
        var errors = e.Problems.GroupBy(p => p.Location).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "模板有问题，未能保存或发布",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
            Extensions = { ["problems"] = e.Problems },
        });
    }
}
