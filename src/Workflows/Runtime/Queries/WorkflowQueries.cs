using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Queries;

/// <summary>
/// What users read. The township and department boundaries are part of every query: a township user's queries
/// only ever select their own township's rows, a department's staff only their department's tasks and the
/// workflows those belong to, so "not found" and "not yours" look the same from outside.
/// </summary>
public sealed class WorkflowQueries(WorkflowDbContext db, TemplateCatalog catalog)
{
    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(Actor actor, string? townshipCode, WorkflowStatus? status, CancellationToken ct)
    {
        var query = Visible(actor);
        if (townshipCode is not null) query = query.Where(w => w.TownshipCode == townshipCode);
        if (status is not null) query = query.Where(w => w.Status == status);
        return await query.OrderBy(w => w.TownshipCode).ThenBy(w => w.StartYear)
            .Select(w => new WorkflowSummary(w.Id, w.TownshipCode, w.TownshipName, w.Track, w.StartYear, w.TargetYear,
                w.TemplateKey, w.TemplateVersion, w.Status, w.CurrentStageKey, w.StartedAt, w.Goal))
            .ToListAsync(ct);
    }

    public async Task<WorkflowDetail?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var w = await Visible(actor).Include(x => x.Stages).Include(x => x.Tasks).Include(x => x.Tokens).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var department = actor.ConfinedToDepartment;
        // A department's staff read the stages and their department's tasks; what else the workflow waits for is not theirs.
        var tasks = department is null ? w.Tasks : w.Tasks.Where(t => t.DepartmentCode == department);
        var template = await catalog.GetAsync(db, w.TemplateKey, w.TemplateVersion, ct);
        return new WorkflowDetail(w.Id, w.TownshipCode, w.TownshipName, w.Track, w.StartYear, w.TargetYear, w.TemplateKey,
            w.TemplateVersion, w.Status, w.CurrentStageKey, w.StartedAt, w.CompletedAt,
            [.. w.Stages.OrderBy(s => s.Order).Select(s => StageOf(s, template))],
            [.. tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(TaskView.From)],
            department is null ? await WaitingAsync(w, ct) : [], w.Goal);
    }

    /// <summary>A stage as stored, with its phase from the template version the workflow runs on.</summary>
    private static StageView StageOf(WorkflowStage stage, TemplateDefinition template)
    {
        var phase = template.Stages.FirstOrDefault(s => s.Key == stage.Key)?.Phase;
        var phaseName = phase is null ? null : template.Phases?.FirstOrDefault(p => p.Key == phase)?.Name;
        return new StageView(stage.Key, stage.Name, stage.Status, stage.EnteredAt, stage.CompletedAt, phase, phaseName);
    }

    /// <summary>What the workflow waits for besides user tasks: timers (with their time) and messages.</summary>
    private async Task<IReadOnlyList<WaitingView>> WaitingAsync(WorkflowInstance workflow, CancellationToken ct)
    {
        var template = ProcessGraph.For(await catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct));
        var tokenIds = workflow.Tokens.Select(t => t.Id).ToList();
        var timers = await db.Timers.AsNoTracking()
            .Where(t => t.WorkflowId == workflow.Id && t.TokenId != null && tokenIds.Contains(t.TokenId.Value) && t.Kind == TimerKind.TimerEvent && t.FiredAt == null && t.CancelledAt == null)
            .ToDictionaryAsync(t => t.TokenId!.Value, t => t.DueAt, ct);
        var waiting = new List<WaitingView>();
        foreach (var token in workflow.Tokens.OrderBy(t => t.CreatedAt))
        {
            if (!template.Elements.TryGetValue(token.ElementId, out var element)) continue;
            if (timers.TryGetValue(token.Id, out var dueAt))
                waiting.Add(new WaitingView("timer", element.Title ?? element.Id, dueAt));
            else if (element.Type == ElementType.MessageEvent)
                waiting.Add(new WaitingView("message", element.Message ?? element.Id, null));
        }
        return waiting;
    }

    public async Task<IReadOnlyList<JournalView>?> JournalAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!await Visible(actor).AnyAsync(w => w.Id == id, ct)) return null;
        var rows = await db.Journal.AsNoTracking().Where(j => j.WorkflowId == id).OrderBy(j => j.Id)
            .Select(j => new { j.At, j.Actor, j.Kind, j.Detail, j.Change }).ToListAsync(ct);
        var views = rows.Select(j => JournalView.From(j.At, j.Actor, j.Kind, j.Detail, j.Change));
        if (actor.ConfinedToDepartment is not { } department) return [.. views];
        var own = (await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == id && t.DepartmentCode == department)
            .Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return [.. views.Where(j => JournalTasks.OnlyAbout(j, own))];
    }

    public async Task<TaskDetail?> GetTaskAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !actor.CanSeeTask(task)) return null;
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Tokens).SingleAsync(w => w.Id == task.WorkflowId, ct);
        var template = await catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);
        var operations = await Tasks.AllowedOperations.ForAsync(db, actor, task, workflow, ProcessGraph.For(template), ct);
        var element = template.Elements.SingleOrDefault(e => e.Id == task.ElementId);
        // A department's task names its department; a task of another scope may name the department that guides it.
        var departmentCode = task.DepartmentCode ?? element?.DepartmentCode;
        var departmentName = departmentCode is null ? null
            : await db.Departments.AsNoTracking().Where(d => d.Code == departmentCode).Select(d => d.Name).SingleOrDefaultAsync(ct);
        return new TaskDetail(task.Id, task.WorkflowId, task.StageKey, task.Title, element?.Description, task.Role, task.Scope,
            task.TownshipCode, departmentCode, departmentName, task.Status, task.Assignee, task.CreatedAt, task.DueAt, task.Overdue,
            task.Outcome, task.CompletedBy, task.CompletedAt, task.Comment,
            [.. (element?.Form ?? []).Select(f => new FormFieldView(f.Key, f.Label, f.Type, f.Required, f.Options, f.Min, f.Max, f.MaxLength))],
            element?.Outcomes ?? [],
            [.. (element?.Evidence ?? []).Select(EvidenceRequirementView.From)],
            task.Data is null ? null : JsonNode.Parse(task.Data)?.AsObject(), operations,
            await CountersignQuery.ForTaskAsync(db, task, template, ct));
    }

    /// <summary>The workflow's running 会签/或签 with each instance's state (ADR 0045); null when the actor cannot see the workflow.</summary>
    public async Task<IReadOnlyList<CountersignView>?> CountersignsAsync(Actor actor, Guid workflowId, CancellationToken ct)
    {
        if (await GetAsync(actor, workflowId, ct) is not { } workflow) return null;
        var template = await catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);
        return await CountersignQuery.RunningAsync(db, workflowId, template, ct);
    }

    /// <summary>
    /// The caller's actionable tasks: open, for one of their roles, in their scope — their township's, the county
    /// office's (county-wide roles), or their department's across every township.
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Actor actor, CancellationToken ct)
    {
        var roles = actor.Roles.ToList();
        var countyWide = actor.IsCountyWide;
        var township = actor.TownshipCode ?? "";
        var department = actor.DepartmentCode ?? "";
        var rows = await (
            from t in db.Tasks.AsNoTracking()
            join w in db.Workflows.AsNoTracking() on t.WorkflowId equals w.Id
            join s in db.Stages.AsNoTracking() on new { t.WorkflowId, Key = t.StageKey } equals new { s.WorkflowId, s.Key }
            where t.Status == UserTaskStatus.Open && roles.Contains(t.Role)
                  && ((t.Scope == TaskScope.Township && t.TownshipCode == township) || (t.Scope == TaskScope.County && countyWide)
                      || (t.Scope == TaskScope.Department && t.DepartmentCode == department))
            orderby t.DueAt, t.CreatedAt
            select new { Task = t, w.TownshipName, StageName = s.Name, w.TemplateKey, w.TemplateVersion }).ToListAsync(ct);

        var departments = rows.Any(r => r.Task.DepartmentCode is not null)
            ? await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct)
            : [];
        var items = new List<InboxItem>(rows.Count);
        foreach (var r in rows)
        {
            var template = await catalog.GetAsync(db, r.TemplateKey, r.TemplateVersion, ct);
            var outcomes = template.Elements.SingleOrDefault(e => e.Id == r.Task.ElementId)?.Outcomes ?? [];
            var departmentName = r.Task.DepartmentCode is { } code ? departments.GetValueOrDefault(code, code) : null;
            items.Add(new InboxItem(r.Task.Id, r.Task.WorkflowId, r.Task.TownshipCode, r.TownshipName, r.Task.StageKey, r.StageName,
                r.Task.Title, r.Task.Status, r.Task.DueAt, r.Task.Overdue, r.Task.Role, outcomes, r.Task.Scope, r.Task.DepartmentCode, departmentName));
        }
        return items;
    }

    public async Task<IReadOnlyList<AlertView>> AlertsAsync(Actor actor, string? townshipCode, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        if (!actor.IsCountyWide) query = query.Where(a => a.TownshipCode == actor.TownshipCode);
        if (townshipCode is not null) query = query.Where(a => a.TownshipCode == townshipCode);
        return await query.OrderByDescending(a => a.RaisedAt)
            .Select(a => new AlertView(a.Id, a.TaskId, a.WorkflowId, a.TownshipCode, a.Kind, a.RaisedAt)).ToListAsync(ct);
    }

    /// <summary>Incidents of the workflows the actor can see; unresolved only unless <paramref name="all"/>.</summary>
    public async Task<IReadOnlyList<IncidentView>> IncidentsAsync(Actor actor, bool all, CancellationToken ct) =>
        await (from i in db.Incidents.AsNoTracking()
               join w in Visible(actor) on i.WorkflowId equals w.Id
               where all || i.ResolvedAt == null
               orderby i.CreatedAt descending
               select new IncidentView(i.Id, i.WorkflowId, w.TownshipCode, i.ElementId, i.Error, i.CreatedAt, i.ResolvedAt, i.ResolvedBy))
            .ToListAsync(ct);

    /// <summary>
    /// The workflows the actor may read: all for county-wide roles, their township's for township users, and for a
    /// department's staff those in which their department has tasks.
    /// </summary>
    private IQueryable<WorkflowInstance> Visible(Actor actor)
    {
        var query = db.Workflows.AsNoTracking();
        if (actor.IsCountyWide) return query;
        if (actor.TownshipCode is { } township) return query.Where(w => w.TownshipCode == township);
        if (actor.DepartmentCode is { } department)
            return query.Where(w => db.Tasks.Any(t => t.WorkflowId == w.Id && t.DepartmentCode == department));
        return query.Where(w => false);
    }
}
