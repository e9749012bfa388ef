using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Everything about one workflow's progress, read in one go: its tokens, tasks, pending timers, open incidents and what the outbox announced.</summary>
public sealed record ProcessSnapshot(
    WorkflowInstance Workflow,
    IReadOnlyList<WorkflowToken> Tokens,
    IReadOnlyList<WorkflowTask> Tasks,
    IReadOnlyList<WorkflowTimer> PendingTimers,
    IReadOnlyList<Incident> OpenIncidents,
    IReadOnlyList<Guid> AnnouncedTaskIds,
    int CompletionsAnnounced)
{
    public IEnumerable<WorkflowTask> OpenTasks => Tasks.Where(t => t.Status == UserTaskStatus.Open).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);

    public static async Task<ProcessSnapshot> ReadAsync(EngineHarness harness, Guid workflowId)
    {
        await using var db = harness.NewDbContext();
        var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId);
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
        var timers = await db.Timers.AsNoTracking().Where(t => t.WorkflowId == workflowId && t.FiredAt == null && t.CancelledAt == null).ToListAsync();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.WorkflowId == workflowId && i.ResolvedAt == null).ToListAsync();
        var announced = await db.Outbox.AsNoTracking().Where(m => m.Type == nameof(TaskCreated) || m.Type == nameof(WorkflowCompleted)).ToListAsync();
        return new(workflow, tokens, tasks, timers, incidents,
            [.. announced.Where(m => m.Type == nameof(TaskCreated)).Select(EngineHarness.Deserialize<TaskCreated>).Where(e => e.WorkflowId == workflowId).Select(e => e.TaskId)],
            announced.Where(m => m.Type == nameof(WorkflowCompleted)).Select(EngineHarness.Deserialize<WorkflowCompleted>).Count(e => e.WorkflowId == workflowId));
    }
}
