using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Persistence;

/// <summary>
/// <see cref="IWorkflowStore"/> through EF Core alone: tracked queries and <c>SaveChanges</c> in its own transaction.
/// Used on SQLite and on any provider without a store of its own; the PostgreSQL store falls back to its reads.
/// <paramref name="hook"/> (tests only; the DI container passes null when none is registered) runs before each write.
/// </summary>
internal class EfWorkflowStore(WorkflowDbContext db, IWorkflowWriteHook? hook = null) : IWorkflowStore
{
    protected WorkflowDbContext Db { get; } = db;
    protected IWorkflowWriteHook? Hook { get; } = hook;

    public virtual async Task<TaskState?> LoadTaskAsync(Guid taskId, CancellationToken ct)
    {
        var task = await Db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return null;
        var workflow = await LoadWorkflowAsync(task.WorkflowId, ct);
        if (workflow is null) return null;
        var timers = await Db.Timers.Where(t => t.TaskId == taskId && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
        return new TaskState(task, workflow, timers);
    }

    public Task<WorkflowInstance?> LoadWorkflowAsync(Guid workflowId, CancellationToken ct) =>
        Db.Workflows.Include(w => w.Stages).Include(w => w.Tokens).SingleOrDefaultAsync(w => w.Id == workflowId, ct);

    public void AddToken(WorkflowInstance workflow, WorkflowToken token)
    {
        workflow.Tokens.Add(token);
        Db.Add(token);
    }

    public virtual void RemoveToken(WorkflowInstance workflow, WorkflowToken token)
    {
        workflow.Tokens.Remove(token);
        Db.Remove(token);
    }

    public virtual async Task SaveAsync(CancellationToken ct)
    {
        if (Hook is not null) await Hook.BeforeWriteAsync(ct);
        await Db.SaveChangesAsync(ct);
    }

    public virtual void Reset() => Db.ChangeTracker.Clear();
}
