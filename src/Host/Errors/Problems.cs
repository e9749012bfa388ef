using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Errors;

/// <summary>The one way this API builds error responses (RFC 9457), with Chinese text for people.</summary>
public static class Problems
{
    public static ValidationProblemDetails Validation(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "请求参数有误",
        Detail = message,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };

    /// <summary>422: the request is well formed but its subject is not ready (required evidence missing), every reason located.</summary>
    public static ValidationProblemDetails Unprocessable(WorkflowException e) =>
        new(e.Errors.ToDictionary(error => error.Key, error => new[] { error.Value }))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "无法办理",
            Detail = e.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        };

    public static ProblemDetails For(WorkflowException e) => new()
    {
        Status = e.Kind switch
        {
            WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
            WorkflowErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
            WorkflowErrorKind.TooSoon => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        },
        Title = e.Kind switch
        {
            WorkflowErrorKind.NotFound => "未找到",
            WorkflowErrorKind.Forbidden => "无权操作",
            WorkflowErrorKind.Conflict => "操作冲突",
            WorkflowErrorKind.TooSoon => "操作过于频繁",
            _ => "请求参数有误",
        },
        Detail = e.Message,
        // A refusal for now names when to try again (the next allowed 催办), for scripts as the Retry-After header does.
        Extensions = e.RetryAt is { } retryAt ? new Dictionary<string, object?> { ["nextAllowedAt"] = retryAt } : new Dictionary<string, object?>(),
    };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "请求参数有误");

    /// <summary>422: a well-formed request naming something that does not exist (an unknown department code).</summary>
    public static ProblemHttpResult Unprocessable(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "请求内容无法处理",
            Detail = message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        });
}
