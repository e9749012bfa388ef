using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Errors;

/// <summary>
/// Turns a refused command or an unreadable request into an RFC 9457 problem with the field and the
/// reason in Chinese. Anything else stays a 500 and is logged by the framework.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            WorkflowException { Kind: WorkflowErrorKind.Invalid, Field: { } field } e => Problems.Validation(field, e.Message),
            WorkflowException { Kind: WorkflowErrorKind.Unprocessable } e => Problems.Unprocessable(e),
            WorkflowException e => Problems.For(e),
            Persistence.Paging.PagingException e => Problems.Validation(e.Field, e.Message),
            BadHttpRequestException e => Problems.Validation(FieldOf(e), "请求内容无法解析：" + ReasonOf(e)),
            // A form the antiforgery check cannot read (a broken multipart body, a missing token) is the sender's
            // mistake, not ours: 400 naming the token, as a missing token already answers.
            AntiforgeryValidationException => Problems.Validation("__RequestVerificationToken", "表单无效或已过期，请刷新页面后重试。"),
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (exception is WorkflowException { RetryAt: { } retryAt })
            context.Response.Headers.RetryAfter = RetryAfterSeconds(retryAt, context);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Retry-After in whole seconds from now on the application clock (at least 1), as RFC 9110 allows.</summary>
    private static string RetryAfterSeconds(DateTimeOffset retryAt, HttpContext context)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return Math.Max(1, (long)Math.Ceiling((retryAt - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string FieldOf(BadHttpRequestException e) =>
        e.InnerException is JsonException { Path: { Length: > 2 } path } ? path.TrimStart('$', '.') : "body";

    private static string ReasonOf(BadHttpRequestException e) =>
        e.InnerException is JsonException ? "JSON 格式或字段类型不正确。" : e.Message;
}
