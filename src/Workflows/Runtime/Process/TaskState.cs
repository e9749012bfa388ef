using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>
/// What a command on one user task reads before it writes: the task, its workflow (with stages and tokens, tracked)
/// and the task's pending timers; and, when the read could fetch it in the same round trip, the evidence
/// requirements that already have a file (<see cref="EvidenceOnFile"/>, null when not read).
/// </summary>
public sealed record TaskState(WorkflowTask Task, WorkflowInstance Workflow, IReadOnlyList<WorkflowTimer> OpenTimers)
{
    public IReadOnlySet<string>? EvidenceOnFile { get; init; }
}
