using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Host.Apis;

/// <summary>
/// BPMN 2.0 XML of template versions (ADR 0044), routed in <see cref="TemplatesApi"/>: any version as a file Camunda
/// Modeler or bpmn.io opens, and a BPMN file saved as the next draft of a template — through the same draft command as a
/// JSON document, so it is validated, idempotent and journaled alike. The body is read here with its own limit (the
/// JSON body guard only reads JSON) and parsed without DTDs.
/// </summary>
public static class TemplateBpmnApi
{
    /// <summary>The body limit in bytes: UTF-8 holds the importer's character limit in at most this many.</summary>
    public const int MaxBytes = BpmnImporter.MaxCharacters;

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(
        string key, int version, BpmnTemplates templates, CancellationToken ct) =>
        await templates.ExportAsync(key, version, ct) is { } xml
            ? TypedResults.Content(xml, BpmnNames.MediaType + "; charset=utf-8", Encoding.UTF8)
            : Errors.Problems.NotFound($"模板 {key} 没有第 {version} 版。");

    /// <summary>Saves a BPMN file as the next draft of <paramref name="key"/> (the route names the template, whatever the file's process id).</summary>
    public static async Task<Results<Created<TemplateVersionDetail>, ProblemHttpResult>> ImportAsync(
        string key, HttpContext context, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TemplateVersions templates, ILogger<TemplateVersions> log, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        string xml;
        try
        {
            xml = await ReadAsync(context.Request.Body, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"BPMN 文件不能超过 {MaxBytes / 1024 / 1024} MB。");
        }
        catch (DecoderFallbackException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "BPMN 文件必须是 UTF-8 编码的 XML。");
        }
        if (xml.Length == 0) return Refuse(StatusCodes.Status400BadRequest, "请求体为空：请提交 BPMN 2.0 XML 文件的内容。");
        try
        {
            var definition = BpmnImporter.Import(xml) with { Key = key };
            using var document = JsonDocument.Parse(TemplateDocument.Write(definition));
            var draft = await templates.CreateDraftAsync(key, document.RootElement, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
            log.LogInformation("Template {TemplateKey} v{TemplateVersion} imported from BPMN as a draft by {UserName}", draft.Key, draft.Version, user.Identity?.Name);
            return TypedResults.Created($"/api/templates/{draft.Key}/versions/{draft.Version}", draft);
        }
        catch (InvalidTemplateException e)
        {
            return TemplatesApi.Unprocessable(e);
        }
    }

    private static async Task<string> ReadAsync(Stream body, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            // Chunked bodies carry no Content-Length for Kestrel to refuse up front: count them here.
            if (copy.Length + read > MaxBytes) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            copy.Write(buffer, 0, read);
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(copy.GetBuffer(), 0, (int)copy.Length).TrimStart('\uFEFF');
    }

    private static ProblemHttpResult Refuse(int status, string detail) => TypedResults.Problem(new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { ["body"] = [detail] })
    {
        Status = status,
        Title = status == StatusCodes.Status413PayloadTooLarge ? "请求内容过大" : "请求内容无法读取",
        Detail = detail,
    });
}
