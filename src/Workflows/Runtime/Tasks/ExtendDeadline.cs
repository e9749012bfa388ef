using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>延期: move one open task's due time, with the reason the journal keeps.</summary>
public sealed record ExtendDeadline(DateTimeOffset? DueAt, string? Reason);

/// <summary>The task after its deadline moved, and what moved with it.</summary>
public sealed record DeadlineExtensionView(Guid TaskId, DateTimeOffset? PreviousDueAt, DateTimeOffset DueAt, string Reason,
    int ResolvedAlerts, DateTimeOffset? WarningAt);

/// <summary>
/// The county office extends a task's deadline (issue 14 item 6, ADR 0037): the pending due and warning timers are
/// cancelled and new ones set for the new due time, the open yellow and red warnings for the old one are resolved
/// (<see cref="AlertResolution.DeadlineExtended"/>) and the task is no longer overdue; one journal row says from when to
/// when and why. Idempotent through the one pipeline; extending to the due time a task already has changes nothing.
/// </summary>
public sealed class DeadlineExtension(WorkflowDbContext db, IdempotencyLedger ledger, WorkflowStateLoader process)
{
    public const string CommandName = "extend-deadline";
    public const int MaxReasonLength = 500;

    public Task<DeadlineExtensionView> ExtendAsync(Guid taskId, ExtendDeadline command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (command.DueAt is not { } dueAt) throw WorkflowException.Invalid("dueAt", "请填写新的办理期限。");
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw WorkflowException.Invalid("reason", "请填写延期原因。");
        if (reason.Length > MaxReasonLength) throw WorkflowException.Invalid("reason", $"延期原因不能超过 {MaxReasonLength} 字。");
        return ledger.RunAsync(actor, CommandRequest.For(CommandName, taskId, idempotencyKey, command), async changes =>
        {
            if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以延期。");
            if (dueAt <= changes.Now) throw WorkflowException.Invalid("dueAt", "新的办理期限必须晚于现在。");
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null) throw WorkflowException.NotFound("任务不存在。");
            WorkflowGuard.EnsureOpen(task);
            var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
            WorkflowGuard.EnsureRunning(workflow, "延期");
            var due = new DateTimeOffset(dueAt.UtcTicks - dueAt.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            if (task.DueAt == due) return new DeadlineExtensionView(task.Id, task.DueAt, due, reason, 0, null);

            var journal = changes.Journal(workflow.Id, JournalKind.TaskDeadlineExtended,
                $"延期：{task.Title}（{Local(task.DueAt)} → {Local(due)}）；原因：{reason}");
            journal.Before["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["dueAt"] = task.DueAt, ["overdue"] = task.Overdue };
            var previous = task.DueAt;
            task.DueAt = due;
            task.Overdue = false;
            task.Revision++;
            workflow.Revision++;

            var pending = await db.Timers.Where(t => t.TaskId == task.Id && t.FiredAt == null && t.CancelledAt == null
                // Every timer about the due time (due, warning, the escalation chain): all but the boundary timers.
                && t.Kind != TimerKind.Boundary && t.Kind != TimerKind.TimerEvent).ToListAsync(ct);
            pending.ForEach(t => { t.CancelledAt = changes.Now; t.Revision++; });
            changes.AddTimer(new WorkflowTimer { Id = changes.NewId(), WorkflowId = workflow.Id, TaskId = task.Id, TokenId = task.TokenId, ElementId = task.ElementId, Kind = TimerKind.TaskDue, DueAt = due });
            var template = await process.TemplateAsync(workflow, ct);
            var calendar = await process.CalendarAsync(ct);
            var warnAt = WarningPoint.TimerAt(due, template.WarningLead, calendar, changes.Now);
            if (warnAt is { } at)
                changes.AddTimer(new WorkflowTimer { Id = changes.NewId(), WorkflowId = workflow.Id, TaskId = task.Id, TokenId = task.TokenId, ElementId = task.ElementId, Kind = TimerKind.TaskWarning, DueAt = at });
            // The old escalation chain's pending steps are cancelled above; a new chain starts if the new due time passes
            // (the deadline's firing sets it, ADR 0050).
            var resolved = task.Alerted ? await ResolveWarningsAsync(task.Id, changes.Now, ct) : 0;

            journal.After["task"] = new JsonObject { ["id"] = task.Id, ["key"] = task.ElementId, ["dueAt"] = task.DueAt, ["overdue"] = task.Overdue };
            journal.After["reason"] = reason;
            journal.After["cancelledTimers"] = pending.Count;
            journal.After["resolvedAlerts"] = resolved;
            return new DeadlineExtensionView(task.Id, previous, due, reason, resolved, warnAt);
        }, ct);
    }

    /// <summary>
    /// Only the warnings about the due time (yellow, red and the escalation chain's steps) go; a boundary timer's reminder
    /// or escalation stays.
    /// </summary>
    private async Task<int> ResolveWarningsAsync(Guid taskId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Alerts.Where(a => a.TaskId == taskId && a.ResolvedAt == null
            && a.Kind != Events.AlertKind.Reminder && a.Kind != Events.AlertKind.Escalation).ToListAsync(ct);
        foreach (var alert in open)
        {
            alert.ResolvedAt = now;
            alert.Resolution = AlertResolution.DeadlineExtended;
        }
        return open.Count;
    }

    private static string Local(DateTimeOffset? at) => at is { } value ? $"{ChinaTime.ToLocal(value):yyyy-MM-dd HH:mm}" : "无期限";
}
