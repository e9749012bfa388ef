using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Persistence;

/// <summary>
/// The engine's one port to workflow state (ADR 0018): what an engine command reads before it moves a workflow, the
/// token changes the interpreter makes, and the single write that commits the command. The implementation is chosen
/// once, where the <see cref="WorkflowDbContext"/> is registered (<see cref="WorkflowStoreRegistration"/>): EF Core's
/// own queries and <c>SaveChanges</c> on any provider, or on PostgreSQL the one-round-trip batches of ADRs 0014, 0016
/// and 0017. The engine core never asks which one it has. Scoped: it works on the scope's context.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>A task with its workflow (stages and tokens) and the task's pending timers; null if there is no such task.</summary>
    Task<TaskState?> LoadTaskAsync(Guid taskId, CancellationToken ct);

    /// <summary>A workflow with its stages and tokens; null if there is no such workflow.</summary>
    Task<WorkflowInstance?> LoadWorkflowAsync(Guid workflowId, CancellationToken ct);

    /// <summary>Puts a new token into the workflow; the next <see cref="SaveAsync"/> inserts it.</summary>
    void AddToken(WorkflowInstance workflow, WorkflowToken token);

    /// <summary>Takes a token out of the workflow; the next <see cref="SaveAsync"/> deletes it (unless it was new).</summary>
    void RemoveToken(WorkflowInstance workflow, WorkflowToken token);

    /// <summary>
    /// Writes everything the command changed in one transaction. A lost optimistic-concurrency race throws
    /// <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> and writes nothing; any other failure a
    /// <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>.
    /// </summary>
    Task SaveAsync(CancellationToken ct);

    /// <summary>Forgets everything read or changed since the last reset: after a write, and before a command runs again.</summary>
    void Reset();
}
