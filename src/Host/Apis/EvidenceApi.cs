using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Evidence;

namespace Shizhu.Host.Apis;

/// <summary>
/// Evidence files (佐证材料) of a task: upload (multipart, fields <c>file</c> and <c>requirement</c>), list, download.
/// Only users who can see the task's township reach them; for everyone else they do not exist (404).
/// </summary>
public static class EvidenceApi
{
    /// <summary>Multipart framing and the <c>requirement</c> field on top of the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    private static readonly AuthorizationPolicy BearerOnly =
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build();

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<EvidenceLimits>().MaxBytes + FormOverheadBytes;
        var evidence = app.MapGroup("/api/tasks/{id:guid}/evidence").WithTags("Evidence");
        evidence.MapPost("/", UploadAsync)
            // A form post needs an antiforgery token by default, because a browser sends the cookie with a cross-site
            // form by itself (CSRF). This endpoint accepts a bearer token only, which a browser never attaches on its
            // own, so there is nothing to forge; the web UI does not use it. Do not drop BearerOnly without this line.
            .DisableAntiforgery()
            .RequireAuthorization(BearerOnly)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit);
        evidence.MapGet("/", ListAsync);
        evidence.MapGet("/{evidenceId:guid}", DownloadAsync);
        return app;
    }

    /// <summary>
    /// Stores one file for an open task. The type is decided by the content (PDF, JPEG, PNG, DOCX/XLSX, DOC/XLS);
    /// anything else, an empty file or one over <c>Evidence:MaxBytes</c> answers 400 naming the field <c>file</c>.
    /// </summary>
    public static async Task<Results<Created<EvidenceView>, ValidationProblem>> UploadAsync(
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

    public static async Task<Results<Ok<IReadOnlyList<EvidenceView>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, EvidenceQueries queries, CancellationToken ct) =>
        await queries.ListAsync(user.ToActor(), id, ct) is { } files ? TypedResults.Ok(files) : Errors.Problems.NotFound("任务不存在。");

    /// <summary>The file as an attachment with its content-derived type; never rendered inline, never sniffed.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
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
