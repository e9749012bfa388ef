namespace Shizhu.Workflows.Runtime;

/// <summary>
/// A command the engine refuses. <see cref="Exception.Message"/> is written for the person who sees it
/// (Simplified Chinese); <see cref="Field"/> names the input at fault, if one is; <see cref="Errors"/> lists
/// every located reason when there are several (a task missing two required evidence files).
/// </summary>
public sealed class WorkflowException(
    WorkflowErrorKind kind, string message, string? field = null, IReadOnlyDictionary<string, string>? errors = null)
    : Exception(message)
{
    public WorkflowErrorKind Kind { get; } = kind;
    public string? Field { get; } = field;
    /// <summary>Located reasons by field (<c>evidence.{key}</c>), in the order they were found; empty for most refusals.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; } = errors ?? new Dictionary<string, string>();

    /// <summary>When the refused request may be repeated (<see cref="WorkflowErrorKind.TooSoon"/>); null otherwise.</summary>
    public DateTimeOffset? RetryAt { get; private init; }

    public static WorkflowException TooSoon(string message, DateTimeOffset retryAt) => new(WorkflowErrorKind.TooSoon, message) { RetryAt = retryAt };

    public static WorkflowException NotFound(string message) => new(WorkflowErrorKind.NotFound, message);
    public static WorkflowException Conflict(string message) => new(WorkflowErrorKind.Conflict, message);
    public static WorkflowException Forbidden(string message) => new(WorkflowErrorKind.Forbidden, message);
    public static WorkflowException Invalid(string field, string message) => new(WorkflowErrorKind.Invalid, message, field);

    /// <summary>The request is well formed but what it acts on is not ready for it; <paramref name="errors"/> say why, by field.</summary>
    public static WorkflowException Unprocessable(string message, IReadOnlyDictionary<string, string> errors) =>
        new(WorkflowErrorKind.Unprocessable, message, errors: errors);
}
