namespace Shizhu.Workflows.Runtime;

/// <summary>
/// A command the engine refuses. <see cref="Exception.Message"/> is written for the person who sees it
/// (Simplified Chinese); <see cref="Field"/> names the input at fault, if one is.
/// </summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string message, string? field = null)
    : Exception(message)
{
    public WorkflowErrorKind Kind { get; } = kind;
    public string? Field { get; } = field;

    public static WorkflowException NotFound(string message) => new(WorkflowErrorKind.NotFound, message);
    public static WorkflowException Conflict(string message) => new(WorkflowErrorKind.Conflict, message);
    public static WorkflowException Forbidden(string message) => new(WorkflowErrorKind.Forbidden, message);
    public static WorkflowException Invalid(string field, string message) => new(WorkflowErrorKind.Invalid, message, field);
}
