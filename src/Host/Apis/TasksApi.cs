using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Apis;

/// <summary>
/// Every route of a task (<c>/api/tasks/**</c>) and the work inbox (我的待办): read, complete, claim, release, assign,
/// and its evidence files (佐证材料: upload, list, download). Every command takes an optional <c>Idempotency-Key</c>
/// (ADR 0024). A task of another township answers 404, as if it did not exist.
/// </summary>
public static class TasksApi
{
    /// <summary>Multipart framing and the <c>requirement</c> field on top of the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    private static readonly AuthorizationPolicy BearerOnly =
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build();

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        app.MapInboxApi();
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/{id:guid}", GetAsync);
        // 422 when required evidence is missing: one error per requirement (evidence.{key}).
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapPost("/{id:guid}/claim", ClaimAsync);
        tasks.MapPost("/{id:guid}/release", ReleaseAsync);
        tasks.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(p => p.RequireRole(Roles.CountyAdmin, Roles.TownshipLeader));
        tasks.MapPost("/{id:guid}/urge", SupervisionApi.UrgeTaskAsync).RequireAuthorization(Policies.Urgers);
        tasks.MapPost("/{id:guid}/extend-deadline", SupervisionApi.ExtendDeadlineAsync).RequireAuthorization(Policies.CountyAdmin);

        var limit = app.ServiceProvider.GetRequiredService<EvidenceLimits>().MaxBytes + FormOverheadBytes;
        var evidence = app.MapGroup("/api/tasks/{id:guid}/evidence").WithTags("Evidence");
        evidence.MapPost("/", UploadEvidenceAsync)
            // A form post needs an antiforgery token by default, because a browser sends the cookie with a cross-site
            // form by itself (CSRF). This endpoint accepts a bearer token only, which a browser never attaches on its
            // own, so there is nothing to forge; the web UI does not use it. Do not drop BearerOnly without this line.
            .DisableAntiforgery()
            .RequireAuthorization(BearerOnly)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit);
        evidence.MapGet("/", EvidenceAsync);
        evidence.MapGet("/{evidenceId:guid}", DownloadEvidenceAsync);
        return app;
    }

    public static async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        await queries.GetTaskAsync(user.ToActor(), id, ct) is { } task ? TypedResults.Ok(task) : Errors.Problems.NotFound("任务不存在。");

    /// <summary>
    /// Completes a task. With an <c>Idempotency-Key</c> header a repeat answers the first result; without one
    /// a second completion answers 409.
    /// </summary>
    public static async Task<Ok<TaskView>> CompleteAsync(
        Guid id, [FromBody] CompleteTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TaskCompleter completer, CancellationToken ct) =>
        TypedResults.Ok(await completer.CompleteAsync(id, command ?? new CompleteTask(null, null, null), user.ToActor(),
            IdempotencyKeys.Normalise(idempotencyKey), ct));

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
        if (string.IsNullOrEmpty(name)) return InvalidUser("请指定办理人（userName）。");
        var target = await users.FindByNameAsync(name);
        if (target is null) return InvalidUser($"用户 {name} 不存在。");
        var roles = await users.GetRolesAsync(target);
        var assignee = new Actor(target.UserName ?? name, roles.ToHashSet(StringComparer.Ordinal), target.TownshipCode, target.DepartmentCode, target.DisplayName);
        return TypedResults.Ok(await assignment.AssignAsync(id, assignee, actor, IdempotencyKeys.Normalise(idempotencyKey), ct));
    }

    private static ValidationProblem InvalidUser(string message) =>
        Errors.Problems.Invalid(new Dictionary<string, string[]> { ["userName"] = [message] });

    /// <summary>
    /// Stores one file for an open task. The type is decided by the content (PDF, JPEG, PNG, DOCX/XLSX, DOC/XLS);
    /// anything else, an empty file or one over <c>Evidence:MaxBytes</c> answers 400 naming the field <c>file</c>.
    /// </summary>
    public static async Task<Results<Created<EvidenceView>, ValidationProblem>> UploadEvidenceAsync(
        Guid id, HttpRequest request, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, EvidenceUploader uploader, EvidenceLimits limits, CancellationToken ct)
    {
        if (!request.HasFormContentType) return FileProblem("请以 multipart/form-data 上传文件（字段 file）。");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return FileProblem($"文件不能超过 {limits.MaxSizeText}。");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // A truncated body or a boundary that never comes ends in "Unexpected end of Stream" (IOException).
            return FileProblem("上传内容无法解析，请重新选择文件上传。");
        }
        if (form.Files.GetFile("file") is not { } file) return FileProblem("请选择要上传的文件（字段 file）。");

        await using var content = file.OpenReadStream();
        var view = await uploader.UploadAsync(id, new UploadEvidence(form["requirement"].FirstOrDefault(), file.FileName), content,
            user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        return TypedResults.Created($"/api/tasks/{id}/evidence/{view.Id}", view);
    }

    public static async Task<Results<Ok<IReadOnlyList<EvidenceView>>, ProblemHttpResult>> EvidenceAsync(
        Guid id, ClaimsPrincipal user, EvidenceQueries queries, CancellationToken ct) =>
        await queries.ListAsync(user.ToActor(), id, ct) is { } files ? TypedResults.Ok(files) : Errors.Problems.NotFound("任务不存在。");

    /// <summary>The file as an attachment with its content-derived type; never rendered inline, never sniffed.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadEvidenceAsync(
        Guid id, Guid evidenceId, ClaimsPrincipal user, EvidenceQueries queries, IEvidenceStore store, HttpResponse response,
        CancellationToken ct)
    {
        var file = await queries.FindAsync(user.ToActor(), id, evidenceId, ct);
        if (file is null) return Errors.Problems.NotFound("佐证材料不存在。");
        var content = await store.OpenReadAsync(file.StoragePath, ct);
        if (content is null) return Errors.Problems.NotFound("佐证材料的文件已丢失，请联系县爱卫办。");
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(content, file.ContentType, fileDownloadName: file.FileName,
            lastModified: file.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static ValidationProblem FileProblem(string message) =>
        Errors.Problems.Invalid(new Dictionary<string, string[]> { ["file"] = [message] });
}
