using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>What a command on one user task reads before it writes: the task, its workflow (with stages and tokens, tracked) and the task's pending timers.</summary>
public sealed record TaskState(WorkflowTask Task, WorkflowInstance Workflow, IReadOnlyList<WorkflowTimer> OpenTimers);
