namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>Assign (or reassign) a task to the named user, who must hold the task's role in its scope.</summary>
public sealed record AssignTask(string? UserName);
