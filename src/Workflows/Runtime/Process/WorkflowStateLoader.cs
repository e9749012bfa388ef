using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>Loads what a command needs to move a workflow: the instance with its stages and tokens, its template and the calendar.</summary>
public sealed class WorkflowStateLoader(WorkflowDbContext db, IWorkflowStore store, TemplateCatalog catalog, WorkingCalendarProvider calendars,
    ServiceTaskActions actions)
{
    public Task<WorkflowInstance?> LoadAsync(Guid workflowId, CancellationToken ct) => store.LoadWorkflowAsync(workflowId, ct);

    /// <summary>A task with its workflow and its pending timers, as the store reads them (<see cref="IWorkflowStore.LoadTaskAsync"/>).</summary>
    public Task<TaskState?> LoadTaskAsync(Guid taskId, CancellationToken ct) => store.LoadTaskAsync(taskId, ct);

    public Task<TemplateDefinition> TemplateAsync(WorkflowInstance workflow, CancellationToken ct) =>
        catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);

    /// <summary>The statutory working calendar (cached by its provider).</summary>
    public Task<WorkingCalendar> CalendarAsync(CancellationToken ct) => calendars.GetAsync(db, ct);

    internal async Task<ProcessRunner> RunnerAsync(WorkflowInstance workflow, EngineChanges changes, CancellationToken ct)
    {
        var template = await TemplateAsync(workflow, ct);
        var calendar = await CalendarAsync(ct);
        return new ProcessRunner(template, calendar, changes, actions.ByName, workflow);
    }
}
