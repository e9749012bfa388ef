using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// <see cref="IWorkflowStore"/> on PostgreSQL: a task's state read in one round trip (<see cref="TaskStateBatch"/>,
/// ADR 0014) with its stages and tokens left untracked (<see cref="UntrackedChildren"/>, ADR 0017), and the command's
/// changes written in one round trip that checks concurrency on the server (<see cref="ChangeSetBatch"/>, ADR 0016).
/// What the untracked read means for the write stays in here: the interpreter adds and removes tokens through
/// the port as on any other provider.
/// </summary>
internal sealed class PostgresWorkflowStore(WorkflowDbContext db, IWorkflowWriteHook? hook = null) : EfWorkflowStore(db, hook)
{
    /// <summary>The stages and tokens the last batched read left untracked, until the write (or a reset) takes them.</summary>
    private UntrackedChildren? _untracked;

    public override async Task<TaskState?> LoadTaskAsync(Guid taskId, CancellationToken ct)
    {
        // The batch reads into an empty context. A context that already tracks rows (a command that read others first)
        // goes through EF Core, whose queries return the tracked instances rather than second copies.
        if (Db.ChangeTracker.Entries().Any()) return await base.LoadTaskAsync(taskId, ct);
        var state = await TaskStateBatch.LoadAsync(Db, taskId, ct);
        _untracked = state is null ? null : UntrackedChildren.Read(Db, state.Workflow);
        return state;
    }

    public override void RemoveToken(WorkflowInstance workflow, WorkflowToken token)
    {
        workflow.Tokens.Remove(token);
        // A token the batch read left untracked is deleted at the write, as one taken out of the workflow
        // (UntrackedChildren); tracking it here would let EF Core's fix-up put it back into the workflow's tokens.
        if (Db.Entry(token).State != EntityState.Detached) Db.Remove(token);
    }

    // Without a hook (production) the write is the batch's own task: no extra state machine on the completion path.
    public override Task SaveAsync(CancellationToken ct) => Hook is null ? WriteAsync(ct) : HookedWriteAsync(Hook, ct);

    private async Task HookedWriteAsync(IWorkflowWriteHook hook, CancellationToken ct)
    {
        await hook.BeforeWriteAsync(ct);
        await WriteAsync(ct);
    }

    private Task WriteAsync(CancellationToken ct)
    {
        var untracked = _untracked;
        _untracked = null;
        untracked?.TrackChanges(Db);
        return ChangeSetBatch.SaveAsync(Db, ct);
    }

    public override void Reset()
    {
        _untracked = null;
        base.Reset();
    }
}
