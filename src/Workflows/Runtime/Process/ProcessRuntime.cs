using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>Loads what a command needs to move a workflow: the instance with its stages and tokens, its template and the calendar.</summary>
public sealed class ProcessRuntime(WorkflowDbContext db, TemplateCatalog catalog, WorkingCalendarProvider calendars, ServiceTaskActions actions)
{
    public Task<WorkflowInstance?> LoadAsync(Guid workflowId, CancellationToken ct) =>
        db.Workflows.Include(w => w.Stages).Include(w => w.Tokens).SingleOrDefaultAsync(w => w.Id == workflowId, ct);

    /// <summary>
    /// A task with its workflow and its pending timers, tracked. On PostgreSQL in one round trip
    /// (<see cref="TaskStateBatch"/>); elsewhere, or when the context already tracks rows, through EF Core queries.
    /// </summary>
    public async Task<TaskState?> LoadTaskAsync(Guid taskId, CancellationToken ct)
    {
        if (db is PostgresWorkflowDbContext postgres && !db.ChangeTracker.Entries().Any())
            return await TaskStateBatch.LoadAsync(postgres, taskId, ct);

        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return null;
        var workflow = await LoadAsync(task.WorkflowId, ct);
        if (workflow is null) return null;
        var timers = await db.Timers.Where(t => t.TaskId == taskId && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
        return new TaskState(task, workflow, timers);
    }

    public Task<TemplateDefinition> TemplateAsync(WorkflowInstance workflow, CancellationToken ct) =>
        catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);

    internal async Task<ProcessRunner> RunnerAsync(WorkflowInstance workflow, EngineChanges changes, CancellationToken ct)
    {
        var template = await TemplateAsync(workflow, ct);
        var calendar = await calendars.GetAsync(db, ct);
        return new ProcessRunner(template, calendar, changes, db, actions.ByName, workflow);
    }
}
