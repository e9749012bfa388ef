using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Evidence;

namespace Shizhu.Host.Apis;

/// <summary>
/// Evidence routes beside the upload, list and download in <see cref="TasksApi"/> (ADR 0033): the uploader takes a
/// wrong file back (<c>DELETE</c>), a PDF or picture is shown in the page (<c>…/preview</c>), and the county office
/// reviews every file of a workflow (<c>GET /api/workflows/{id}/evidence</c>). Reading takes the right to read the task.
/// </summary>
public static class EvidenceApi
{
    /// <summary>The path of the preview, which <see cref="Setup.WebSecuritySetup"/> lets the app's own pages frame.</summary>
    public const string PreviewSuffix = "/preview";

    /// <summary>What a browser may show inline: formats it renders itself without running anything of the file's.</summary>
    private static readonly HashSet<string> Previewable = new(StringComparer.Ordinal) { "application/pdf", "image/jpeg", "image/png" };

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/api/tasks/{id:guid}/evidence").WithTags("Evidence");
        evidence.MapDelete("/{evidenceId:guid}", RemoveAsync);
        evidence.MapGet("/{evidenceId:guid}" + PreviewSuffix, PreviewAsync);
        app.MapGet("/api/workflows/{id:guid}/evidence", WorkflowEvidenceAsync).WithTags("Evidence");
        return app;
    }

    /// <summary>
    /// Removes one's own upload from an open task: 403 for another's file, 409 once the task is completed or cancelled,
    /// 404 for a file or task one cannot see. Answers the removed file; with an <c>Idempotency-Key</c> a repeat answers the same.
    /// </summary>
    public static async Task<Ok<EvidenceView>> RemoveAsync(
        Guid id, Guid evidenceId, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user,
        EvidenceRemover remover, CancellationToken ct) =>
        TypedResults.Ok(await remover.RemoveAsync(id, evidenceId, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>
    /// The file inline, for PDFs and pictures only (415 for Word/Excel: download those). Never sniffed; framed only by
    /// this origin's pages (the security-header policy for this path); no script of any kind may run in it.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PreviewAsync(
        Guid id, Guid evidenceId, ClaimsPrincipal user, EvidenceQueries queries, IEvidenceStore store, HttpResponse response,
        CancellationToken ct)
    {
        var file = await queries.FindAsync(user.ToActor(), id, evidenceId, ct);
        if (file is null) return Errors.Problems.NotFound("佐证材料不存在。");
        if (!Previewable.Contains(file.ContentType))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不能预览",
                detail: "只有 PDF 和图片可以在页面中预览，其他文件请下载后查看。");
        var content = await store.OpenReadAsync(file.StoragePath, ct);
        if (content is null) return Errors.Problems.NotFound("佐证材料的文件已丢失，请联系县爱卫办。");
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(content, file.ContentType, lastModified: file.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkflowEvidenceView>>, ProblemHttpResult>> WorkflowEvidenceAsync(
        Guid id, ClaimsPrincipal user, EvidenceQueries queries, CancellationToken ct) =>
        await queries.ListForWorkflowAsync(user.ToActor(), id, ct) is { } files
            ? TypedResults.Ok(files)
            : Errors.Problems.NotFound("创建工作流不存在。");

    /// <summary>Whether <paramref name="path"/> is an evidence preview (the security headers let the app frame it).</summary>
    public static bool IsPreview(PathString path) =>
        path.StartsWithSegments("/api/tasks") && path.Value!.EndsWith(PreviewSuffix, StringComparison.Ordinal)
        && path.Value.Contains("/evidence/", StringComparison.Ordinal);
}
