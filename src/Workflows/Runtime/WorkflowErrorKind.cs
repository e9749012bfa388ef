namespace Shizhu.Workflows.Runtime;

public enum WorkflowErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    /// <summary>Well formed, but the thing acted on is not ready (a task whose required evidence is missing): HTTP 422.</summary>
    Unprocessable,
    /// <summary>Too soon after the last time (a second 催办 inside the minimum gap): HTTP 429 with the time to retry.</summary>
    TooSoon,
}
