using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// What a running workflow's diagram highlights, as shape ids of its version's BPMN export: where tokens wait (open user
/// tasks, joins, incidents), the tasks already completed, and the timers and messages it waits for (timer and message
/// events, boundary timers of open tasks). Visibility is <see cref="WorkflowQueries.GetAsync"/>'s: a township sees its own
/// workflows; a department's staff only their department's tasks and nothing else the workflow waits for.
/// </summary>
public sealed class WorkflowDiagramQuery(WorkflowDbContext db, WorkflowQueries queries)
{
    public async Task<WorkflowDiagramState?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(actor, id, ct) is not { } workflow) return null;
        var row = await db.Templates.AsNoTracking().SingleAsync(t => t.Key == workflow.TemplateKey && t.Version == workflow.TemplateVersion, ct);
        var document = TemplateCatalog.ParseDocument(row.Definition);
        var ids = new DiagramIds(document);
        var runtime = TemplateCatalog.Parse(row.Definition).Elements.ToDictionary(e => e.Id, StringComparer.Ordinal);

        var department = actor.ConfinedToDepartment;
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == id && (department == null || t.DepartmentCode == department))
            .Select(t => new { t.Id, t.ElementId, t.Status }).ToListAsync(ct);
        var tokens = department is null
            ? await db.Tokens.AsNoTracking().Where(t => t.WorkflowId == id).Select(t => new { t.ElementId, t.State }).ToListAsync(ct)
            : [];
        var openTasks = tasks.Where(t => t.Status == UserTaskStatus.Open).ToDictionary(t => t.Id, t => t.ElementId);
        var openIds = openTasks.Keys.ToList();
        var boundaries = department is null
            ? await db.Timers.AsNoTracking()
                .Where(t => t.WorkflowId == id && t.Kind == TimerKind.Boundary && t.FiredAt == null && t.CancelledAt == null && t.TaskId != null && openIds.Contains(t.TaskId.Value))
                .Select(t => new { TaskId = t.TaskId!.Value, t.ElementId }).ToListAsync(ct)
            : [];

        bool IsWait(string elementId) => runtime.TryGetValue(elementId, out var e) && e.Type is ElementType.TimerEvent or ElementType.MessageEvent;
        var active = tokens.Where(t => !IsWait(t.ElementId)).Select(t => t.ElementId).Concat(openTasks.Values);
        var waiting = tokens.Where(t => IsWait(t.ElementId)).Select(t => ids.Of(t.ElementId))
            .Concat(boundaries.Select(b => ids.OfBoundary(openTasks[b.TaskId], b.ElementId ?? "")));
        var completed = tasks.Where(t => t.Status == UserTaskStatus.Completed).Select(t => t.ElementId);
        var incidents = tokens.Where(t => t.State == TokenState.Incident).Select(t => t.ElementId);

        static IReadOnlyList<string> Distinct(IEnumerable<string?> shapes) => [.. shapes.OfType<string>().Distinct(StringComparer.Ordinal)];
        var activeShapes = Distinct(active.Select(ids.Of));
        return new WorkflowDiagramState(id, workflow.TemplateKey, workflow.TemplateVersion, activeShapes,
            // A call activity still running is active, not completed, though some of its tasks are done.
            [.. Distinct(completed.Select(ids.Of)).Except(activeShapes)],
            Distinct(waiting), Distinct(incidents.Select(ids.Of)));
    }
}

/// <summary>
/// The shapes of a workflow's diagram (BPMN ids of <c>GET /api/templates/{key}/versions/{n}/bpmn</c>) to highlight.
/// </summary>
public sealed record WorkflowDiagramState(
    Guid WorkflowId, string TemplateKey, int TemplateVersion,
    IReadOnlyList<string> Active, IReadOnlyList<string> Completed, IReadOnlyList<string> Waiting, IReadOnlyList<string> Incidents);
