using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Fires durable timers. Firing is idempotent: a fired or cancelled timer does nothing, a timer is marked
/// fired in the same transaction as its effect, and the concurrency token on the timer makes two racing
/// firings commit once (the loser re-reads, sees it fired, and does nothing). A timer of a suspended workflow
/// does not fire: it stays pending until the workflow is resumed.
/// </summary>
public sealed class TimerFiring(WorkflowDbContext db, EngineCommandRunner runner, WorkflowStateLoader process, TimeProvider clock)
{
    /// <summary>Fires one timer if it is due; answers whether it fired now.</summary>
    public async Task<bool> FireAsync(Guid timerId, CancellationToken ct)
    {
        try
        {
            return await runner.RunAsync(Actor.System.UserName, changes => FireOnceAsync(timerId, changes, ct), ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A racing firing committed first: its alert took the unique index, which answers before the timer's
            // concurrency token does. The timer has fired, so this firing did nothing.
            if (await db.Timers.AsNoTracking().AnyAsync(t => t.Id == timerId && t.FiredAt != null, ct)) return false;
            throw;
        }
    }

    /// <summary>
    /// Fires every timer due by the clock's now, oldest first; answers how many fired. Timers of suspended
    /// workflows are left for after their resumption.
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Timers.AsNoTracking()
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now)
            .Where(t => !db.Workflows.Any(w => w.Id == t.WorkflowId && w.Status == WorkflowStatus.Suspended))
            .OrderBy(t => t.DueAt).Select(t => t.Id).ToListAsync(ct);
        var fired = 0;
        foreach (var id in due)
            if (await FireAsync(id, ct)) fired++;
        return fired;
    }

    private async Task<bool> FireOnceAsync(Guid timerId, EngineChanges changes, CancellationToken ct)
    {
        var timer = await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
        if (timer is null || timer.FiredAt is not null || timer.CancelledAt is not null || timer.DueAt > changes.Now) return false;
        // Deferred, not lost: the timer stays pending and resuming the workflow wakes it again.
        if (await db.Workflows.AnyAsync(w => w.Id == timer.WorkflowId && w.Status == WorkflowStatus.Suspended, ct)) return false;
        // A yellow warning woken only after its task's due time (a sweep after a long pause, a resumed workflow) has
        // nothing left to warn of: it is cancelled, not fired, so "fired" keeps meaning "had an effect" (ADR 0037).
        if (timer.Kind == TimerKind.TaskWarning
            && await db.Tasks.AnyAsync(t => t.Id == timer.TaskId && (t.Status != UserTaskStatus.Open || t.Overdue || t.DueAt == null || t.DueAt <= changes.Now), ct))
        {
            timer.CancelledAt = changes.Now;
            timer.Revision++;
            return false;
        }
        // An escalation step woken after its task was done or its deadline moved (the timers of both are cancelled, this
        // guards a sweep that read the timer before) has no one left to tell.
        if (EscalationChain.IsEscalation(timer.Kind)
            && await db.Tasks.AnyAsync(t => t.Id == timer.TaskId && (t.Status != UserTaskStatus.Open || t.DueAt == null || t.DueAt > changes.Now), ct))
        {
            timer.CancelledAt = changes.Now;
            timer.Revision++;
            return false;
        }
        timer.FiredAt = changes.Now;
        timer.Revision++;

        switch (timer.Kind)
        {
            case TimerKind.TaskDue:
                await MarkOverdueAsync(timer, changes, ct);
                break;
            case TimerKind.TimerEvent:
                await ElapseAsync(timer, changes, ct);
                break;
            case TimerKind.Boundary:
                await FireBoundaryAsync(timer, changes, ct);
                break;
            case TimerKind.TaskWarning:
                await WarnAsync(timer, changes, ct);
                break;
            case TimerKind.EscalateToTownship or TimerKind.EscalateToCounty or TimerKind.EscalateToOffice:
                await EscalateAsync(timer, changes, ct);
                break;
        }
        return true;
    }

    private async Task ElapseAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var workflow = await process.LoadAsync(timer.WorkflowId, ct);
        if (workflow is not { Status: WorkflowStatus.Running } || workflow.Tokens.All(t => t.Id != timer.TokenId)) return;
        workflow.Revision++;
        var journal = Fired(changes, timer, JournalKind.TimerElapsed, $"时间已到：{timer.ElementId}");
        (await process.RunnerAsync(workflow, changes, ct)).TimerElapsed(timer.TokenId!.Value, journal);
    }

    private async Task FireBoundaryAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var task = await db.Tasks.SingleAsync(t => t.Id == timer.TaskId, ct);
        if (task.Status != UserTaskStatus.Open) return;
        var workflow = await process.LoadAsync(task.WorkflowId, ct);
        if (workflow is not { Status: WorkflowStatus.Running }) return;
        var graph = ProcessGraph.For(await process.TemplateAsync(workflow, ct));
        var (_, boundary) = graph.Boundaries[timer.ElementId!];
        workflow.Revision++;
        if (boundary.Interrupting && boundary.To is { } to)
        {
            var journal = Fired(changes, timer, JournalKind.TaskTimedOut, $"任务超时：{task.Title}，转入 {to}");
            journal.Before["task"] = JournalState.Task(task);
            task.Status = UserTaskStatus.Cancelled;
            task.Revision++;
            journal.After["task"] = JournalState.Task(task);
            var pending = await db.Timers.Where(t => t.TaskId == task.Id && t.Id != timer.Id && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct);
            pending.ForEach(t => { t.CancelledAt = changes.Now; t.Revision++; });
            if (task.Alerted) journal.After["resolvedAlerts"] = await AlertResolver.ResolveTaskAsync(db, task.Id, AlertResolution.TaskCancelled, changes.Now, ct);
            (await process.RunnerAsync(workflow, changes, ct)).Interrupt(task.TokenId!.Value, to, journal);
            return;
        }
        // At most one alert per task and kind: a second boundary timer of the same kind (another reminder) raises the
        // event again on the existing alert instead of breaking the unique index and failing on every sweep.
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.TaskId == task.Id && a.Kind == boundary.AlertKind && a.ResolvedAt == null, ct);
        if (alert is null)
        {
            alert = NewAlert(changes, task, boundary.AlertKind);
            db.Alerts.Add(alert);
        }
        if (!task.Alerted)
        {
            task.Alerted = true;
            task.Revision++;
        }
        Fired(changes, timer, JournalKind.TaskAlertRaised, $"{(boundary.AlertKind == AlertKind.Escalation ? "升级督办" : "催办提醒")}：{task.Title}")
            .After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        var alertId = alert.Id;
        changes.Raise(id => new TaskAlertRaised(id, changes.Now, workflow.Id, task.Id, alertId, task.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, task.Role, boundary.AlertKind, task.DepartmentCode));
    }

    /// <summary>The journal row of a timer's firing: the timer pending before, fired after (the caller adds what it changed).</summary>
    private static JournalRecord Fired(EngineChanges changes, WorkflowTimer timer, JournalKind kind, string detail)
    {
        var journal = changes.Journal(timer.WorkflowId, kind, detail);
        journal.Before["timer"] = JournalState.Timer(timer).With("firedAt", null);
        journal.After["timer"] = JournalState.Timer(timer);
        return journal;
    }

    private async Task MarkOverdueAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var task = await db.Tasks.SingleAsync(t => t.Id == timer.TaskId, ct);
        if (task.Status != UserTaskStatus.Open || task.Overdue) return;
        var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
        var journal = Fired(changes, timer, JournalKind.TaskOverdue, $"任务逾期：{task.Title}（期限 {Calendar.ChinaTime.ToLocal(timer.DueAt):yyyy-MM-dd HH:mm}）");
        journal.Before["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["overdue"] = task.Overdue };
        task.Overdue = true;
        task.Alerted = true;
        task.Revision++;
        journal.After["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["overdue"] = task.Overdue };
        var alert = NewAlert(changes, task, AlertKind.Overdue);
        db.Alerts.Add(alert);
        journal.After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        changes.Raise(id => new TaskOverdue(id, changes.Now, task.WorkflowId, task.Id, alert.Id, task.TownshipCode,
            workflow.TownshipName, task.StageKey, task.Title, task.Role, timer.DueAt, task.DepartmentCode));
    }

    /// <summary>
    /// The yellow warning (黄色预警): the task falls due within its template's warning lead. Raised once: the timer fires
    /// once, and the filtered unique index (one open alert per task and kind) stops a racing replica's second row.
    /// </summary>
    private async Task WarnAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var task = await db.Tasks.SingleAsync(t => t.Id == timer.TaskId, ct);
        if (task.Status != UserTaskStatus.Open || task.Overdue || task.DueAt is not { } due || due <= changes.Now) return;
        if (await db.Alerts.AnyAsync(a => a.TaskId == task.Id && a.Kind == AlertKind.DueSoon && a.ResolvedAt == null, ct)) return;
        var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
        var alert = NewAlert(changes, task, AlertKind.DueSoon);
        db.Alerts.Add(alert);
        task.Alerted = true;
        task.Revision++;
        Fired(changes, timer, JournalKind.TaskAlertRaised, $"黄色预警：{task.Title}（期限 {Calendar.ChinaTime.ToLocal(due):yyyy-MM-dd HH:mm}）")
            .After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        changes.Raise(id => new TaskAlertRaised(id, changes.Now, workflow.Id, task.Id, alert.Id, task.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, task.Role, AlertKind.DueSoon, task.DepartmentCode));
    }

    /// <summary>
    /// A step of the escalation chain (逾期升级督办): the alert of the step's kind, and its event, whose audience is the
    /// step's alone. Once: the timer fires once and the filtered unique index holds one open alert per task and kind.
    /// </summary>
    private async Task EscalateAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var task = await db.Tasks.SingleAsync(t => t.Id == timer.TaskId, ct);
        var kind = EscalationChain.AlertOf(timer.Kind);
        if (await db.Alerts.AnyAsync(a => a.TaskId == task.Id && a.Kind == kind && a.ResolvedAt == null, ct)) return;
        var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
        var alert = NewAlert(changes, task, kind);
        db.Alerts.Add(alert);
        task.Alerted = true;
        task.Revision++;
        Fired(changes, timer, JournalKind.TaskAlertRaised, $"逾期升级督办（{EscalationChain.AudienceName(kind)}）：{task.Title}")
            .After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        changes.Raise(id => new TaskAlertRaised(id, changes.Now, workflow.Id, task.Id, alert.Id, task.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, task.Role, kind, task.DepartmentCode));
    }

    private static TaskAlert NewAlert(EngineChanges changes, WorkflowTask task, AlertKind kind) => new()
    {
        Id = changes.NewId(), TaskId = task.Id, WorkflowId = task.WorkflowId, TownshipCode = task.TownshipCode,
        Kind = kind, RaisedAt = changes.Now, StageKey = task.StageKey, DueAt = task.DueAt,
    };
}
