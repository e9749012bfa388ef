namespace Shizhu.Workflows.Runtime;

public enum WorkflowErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}
