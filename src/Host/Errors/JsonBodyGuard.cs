using Microsoft.AspNetCore.Http.Features;

namespace Shizhu.Host.Errors;

/// <summary>
/// Reads every JSON body of the API before it is bound, and refuses (400, naming the field) one that is not UTF-8
/// or not JSON, and (413) one over <see cref="MaxBytes"/>. System.Text.Json checks UTF-8 only in the strings it
/// turns into .NET strings: invalid bytes in a skipped property or inside a <c>JsonElement</c> (form data, message
/// payloads) used to pass binding and then either fail later as a 500 or act (issue 10). Checked here once, no
/// handler has to remember it.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next)
{
    /// <summary>The largest JSON body the API reads: a template document is about 25 KB, a whole plan far less.</summary>
    public const long MaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        request.EnableBuffering();
        byte[] body;
        try
        {
            body = await ReadAsync(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context, problems, StatusCodes.Status413PayloadTooLarge, "body", $"请求内容不能超过 {MaxBytes / 1024} KB。");
            return;
        }
        if (body.Length > 0 && JsonProblem.Find(body) is { } problem)
        {
            await RefuseAsync(context, problems, StatusCodes.Status400BadRequest, problem.Field, problem.Reason);
            return;
        }
        request.Body.Position = 0;
        await next(context);
    }

    private static async Task<byte[]> ReadAsync(Stream body, CancellationToken ct)
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
        return copy.ToArray();
    }

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, int status, string field, string reason)
    {
        var problem = Problems.Validation(field, reason);
        problem.Status = status;
        if (status == StatusCodes.Status413PayloadTooLarge) problem.Title = "请求内容过大";
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
