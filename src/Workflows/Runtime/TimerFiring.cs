using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Telemetry;
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
    // The tasks whose open alerts the batch read up front (PreloadAsync), and those alerts' kinds, new ones of this batch
    // included: they answer "is an alert of this kind open?" instead of one query per warning or escalation step. A set
    // of its own, not DbSet.Local, which detects changes across everything tracked on every call.
    private readonly HashSet<Guid> _alertsLoaded = [];
    private readonly HashSet<(Guid TaskId, AlertKind Kind)> _openAlerts = [];

    /// <summary>Timers fired in one transaction by <see cref="FireDueAsync"/>: one write of a few thousand statements (ADR 0041).</summary>
    public const int DefaultBatchSize = 200;

    /// <summary>
    /// Fires one timer if it is due; answers whether it fired now. A timer another firing holds locked (a sweep's batch,
    /// on PostgreSQL) is left to it: that firing commits it or, if it fails, leaves it pending for the next sweep.
    /// </summary>
    public async Task<bool> FireAsync(Guid timerId, CancellationToken ct)
    {
        try
        {
            _alertsLoaded.Clear();
            _openAlerts.Clear();
            var fired = await runner.RunInTransactionAsync(Actor.System.UserName, async changes =>
                await DueTimerClaim.TakeOneAsync(db, timerId, ct) is { } timer && await FireOnceAsync(timer, changes, ct), ct);
            if (fired) EngineMetrics.TimersFired(1);
            return fired;
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
    /// Fires every timer due by the clock's now, oldest first, <paramref name="batchSize"/> to a transaction; answers how
    /// many fired. Timers of suspended workflows are left for after their resumption. A batch that fails for another
    /// reason than a lost race is fired again one timer at a time, so one broken timer holds up only itself.
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        var now = clock.GetUtcNow();
        var failed = new HashSet<Guid>();
        var fired = 0;
        while (true)
        {
            List<Guid> claimed = [];
            try
            {
                var batch = await runner.RunInTransactionAsync(Actor.System.UserName, async changes =>
                {
                    var timers = await DueTimerClaim.TakeAsync(db, now, batchSize, failed, ct);
                    claimed = [.. timers.Select(t => t.Id)];
                    await PreloadAsync(timers, ct);
                    var count = 0;
                    var deferred = 0;
                    var settled = 0;
                    var moved = new HashSet<Guid>();
                    foreach (var timer in timers)
                    {
                        // A timer that moves tokens (timer event, boundary) runs the interpreter on its workflow; a second
                        // one in the same workflow waits for the next batch, so it reads what the first one wrote.
                        if (timer.Kind is TimerKind.TimerEvent or TimerKind.Boundary && !moved.Add(timer.WorkflowId))
                        {
                            deferred++;
                            continue;
                        }
                        if (await FireOnceAsync(timer, changes, ct)) count++;
                        // A stale yellow warning is cancelled instead (ADR 0037): progress too, so the loop goes on.
                        else if (timer.CancelledAt is not null) settled++;
                    }
                    return (Claimed: timers.Count, Fired: count, Deferred: deferred, Settled: settled);
                }, ct);
                if (batch.Claimed == 0 || batch.Fired + batch.Deferred + batch.Settled == 0) return fired;
                EngineMetrics.TimersFired(batch.Fired);
                fired += batch.Fired;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && claimed.Count > 0)
            {
                fired += await FireOneByOneAsync(claimed, failed, ct);
            }
        }
    }

    private async Task<int> FireOneByOneAsync(IEnumerable<Guid> timerIds, HashSet<Guid> failed, CancellationToken ct)
    {
        var fired = 0;
        foreach (var id in timerIds)
        {
            try
            {
                if (await FireAsync(id, ct)) fired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left pending: the next sweep tries it again (and the caller's loop does not).
                failed.Add(id);
            }
        }
        return fired;
    }

    /// <summary>
    /// Reads the batch's tasks and workflows in two queries: the firing then finds them tracked (<c>FindAsync</c>)
    /// instead of asking the database twice for every timer.
    /// </summary>
    private async Task PreloadAsync(List<WorkflowTimer> timers, CancellationToken ct)
    {
        _alertsLoaded.Clear();
        _openAlerts.Clear();
        if (timers.Count <= 1) return;
        var taskIds = timers.Where(t => t.TaskId is not null).Select(t => t.TaskId!.Value).Distinct().ToList();
        var workflowIds = timers.Select(t => t.WorkflowId).Distinct().ToList();
        await db.Tasks.Where(t => taskIds.Contains(t.Id)).LoadAsync(ct);
        await db.Workflows.Where(w => workflowIds.Contains(w.Id)).LoadAsync(ct);
        var open = await db.Alerts.Where(a => taskIds.Contains(a.TaskId) && a.ResolvedAt == null).ToListAsync(ct);
        _openAlerts.UnionWith(open.Select(a => (a.TaskId, a.Kind)));
        _alertsLoaded.UnionWith(taskIds);
    }

    /// <summary>Whether the task has an open alert of the kind: from the batch's preloaded rows when it has them.</summary>
    private async Task<bool> HasOpenAlertAsync(Guid taskId, AlertKind kind, CancellationToken ct) =>
        _alertsLoaded.Contains(taskId)
            ? _openAlerts.Contains((taskId, kind))
            : await db.Alerts.AnyAsync(a => a.TaskId == taskId && a.Kind == kind && a.ResolvedAt == null, ct);

    private async Task<bool> FireOnceAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        if (timer.FiredAt is not null || timer.CancelledAt is not null || timer.DueAt > changes.Now) return false;
        // Deferred, not lost: the timer stays pending and resuming the workflow wakes it again.
        if (await db.Workflows.FindAsync([timer.WorkflowId], ct) is not { Status: not WorkflowStatus.Suspended }) return false;
        // A yellow warning woken only after its task's due time (a sweep after a long pause, a resumed workflow) has
        // nothing left to warn of: it is cancelled, not fired, so "fired" keeps meaning "had an effect" (ADR 0037).
        if (timer.Kind == TimerKind.TaskWarning
            && (timer.TaskId is not { } warnedTask || await db.Tasks.FindAsync([warnedTask], ct) is not { Status: UserTaskStatus.Open, Overdue: false, DueAt: { } taskDue } || taskDue <= changes.Now))
        {
            timer.CancelledAt = changes.Now;
            timer.Revision++;
            return false;
        }
        // An escalation step woken after its task was done or its deadline moved (the timers of both are cancelled, this
        // guards a sweep that read the timer before) has no one left to tell.
        if (EscalationChain.IsEscalation(timer.Kind)
            && await db.Tasks.FindAsync([timer.TaskId], ct) is { } escalated
            && (escalated.Status != UserTaskStatus.Open || escalated.DueAt is not { } escalatedDue || escalatedDue > changes.Now))
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
        var task = await db.Tasks.FindAsync([timer.TaskId], ct) ?? throw new InvalidOperationException($"Timer {timer.Id} has no task.");
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
            var pending = (await db.Timers.Where(t => t.TaskId == task.Id && t.Id != timer.Id && t.FiredAt == null && t.CancelledAt == null).ToListAsync(ct))
                // In a batch, a timer of this task fired earlier in the same transaction is tracked as fired but not written yet.
                .Where(t => t.FiredAt == null && t.CancelledAt == null).ToList();
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
            AddAlert(alert);
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
        var task = await db.Tasks.FindAsync([timer.TaskId], ct) ?? throw new InvalidOperationException($"Timer {timer.Id} has no task.");
        if (task.Status != UserTaskStatus.Open || task.Overdue) return;
        var workflow = await db.Workflows.FindAsync([task.WorkflowId], ct) ?? throw new InvalidOperationException($"Task {task.Id} has no workflow.");
        var journal = Fired(changes, timer, JournalKind.TaskOverdue, $"任务逾期：{task.Title}（期限 {Calendar.ChinaTime.ToLocal(timer.DueAt):yyyy-MM-dd HH:mm}）");
        journal.Before["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["overdue"] = task.Overdue };
        task.Overdue = true;
        task.Alerted = true;
        task.Revision++;
        journal.After["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["overdue"] = task.Overdue };
        var alert = NewAlert(changes, task, AlertKind.Overdue);
        AddAlert(alert);
        journal.After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        changes.Raise(id => new TaskOverdue(id, changes.Now, task.WorkflowId, task.Id, alert.Id, task.TownshipCode,
            workflow.TownshipName, task.StageKey, task.Title, task.Role, timer.DueAt, task.DepartmentCode));
        await StartEscalationAsync(timer, task, workflow, changes, ct);
    }

    /// <summary>
    /// The escalation chain begins when the deadline passes (ADR 0050): one durable timer per step of the template, set now
    /// rather than with the task, so a task done in time never carries them. A step whose point has come already (step 0
    /// falls on the due time itself; a sweep after a long pause may find more) fires in this transaction, as a timer row
    /// marked fired, so each step still has exactly one timer and one alert.
    /// </summary>
    private async Task StartEscalationAsync(WorkflowTimer due, WorkflowTask task, WorkflowInstance workflow, EngineChanges changes, CancellationToken ct)
    {
        var template = await process.TemplateAsync(workflow, ct);
        if (template.EscalationSteps.Count == 0) return;
        var calendar = await process.CalendarAsync(ct);
        foreach (var step in EscalationChain.TimersFor(template, task, due.DueAt, calendar, changes.NewId))
        {
            if (step.DueAt > changes.Now)
            {
                changes.AddTimer(step);
                continue;
            }
            db.Timers.Add(step);
            step.FiredAt = changes.Now;
            await EscalateAsync(step, changes, ct);
        }
    }

    /// <summary>
    /// The yellow warning (黄色预警): the task falls due within its template's warning lead. Raised once: the timer fires
    /// once, and the filtered unique index (one open alert per task and kind) stops a racing replica's second row.
    /// </summary>
    private async Task WarnAsync(WorkflowTimer timer, EngineChanges changes, CancellationToken ct)
    {
        var task = await db.Tasks.FindAsync([timer.TaskId], ct) ?? throw new InvalidOperationException($"Timer {timer.Id} has no task.");
        if (task.Status != UserTaskStatus.Open || task.Overdue || task.DueAt is not { } due || due <= changes.Now) return;
        if (await HasOpenAlertAsync(task.Id, AlertKind.DueSoon, ct)) return;
        var workflow = await db.Workflows.FindAsync([task.WorkflowId], ct) ?? throw new InvalidOperationException($"Task {task.Id} has no workflow.");
        var alert = NewAlert(changes, task, AlertKind.DueSoon);
        AddAlert(alert);
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
        // Found among the batch's preloaded rows (PreloadAsync) instead of asking the database again.
        var task = await db.Tasks.FindAsync([timer.TaskId], ct) ?? throw new InvalidOperationException($"Timer {timer.Id} has no task.");
        var kind = EscalationChain.AlertOf(timer.Kind);
        if (await HasOpenAlertAsync(task.Id, kind, ct)) return;
        var workflow = await db.Workflows.FindAsync([task.WorkflowId], ct) ?? throw new InvalidOperationException($"Task {task.Id} has no workflow.");
        var alert = NewAlert(changes, task, kind);
        AddAlert(alert);
        task.Alerted = true;
        task.Revision++;
        Fired(changes, timer, JournalKind.TaskAlertRaised, $"逾期升级督办（{EscalationChain.AudienceName(kind)}）：{task.Title}")
            .After["alert"] = new JsonObject { ["id"] = alert.Id, ["taskId"] = task.Id, ["kind"] = JournalState.Name(alert.Kind) };
        changes.Raise(id => new TaskAlertRaised(id, changes.Now, workflow.Id, task.Id, alert.Id, task.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, task.Role, kind, task.DepartmentCode));
    }

    private void AddAlert(TaskAlert alert)
    {
        db.Alerts.Add(alert);
        _openAlerts.Add((alert.TaskId, alert.Kind));
    }

    private static TaskAlert NewAlert(EngineChanges changes, WorkflowTask task, AlertKind kind) => new()
    {
        Id = changes.NewId(), TaskId = task.Id, WorkflowId = task.WorkflowId, TownshipCode = task.TownshipCode,
        Kind = kind, RaisedAt = changes.Now, StageKey = task.StageKey, DueAt = task.DueAt,
    };
}
