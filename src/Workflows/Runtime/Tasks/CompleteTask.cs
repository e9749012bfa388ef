using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>Complete a user task with an optional outcome, form data (a JSON object) and comment.</summary>
public sealed record CompleteTask(string? Outcome, JsonElement? Data, string? Comment);

/// <summary>Completes user tasks and moves their workflow on. The engine's hot path: one read batch, one write batch.</summary>
public sealed class TaskCompleter(
    WorkflowDbContext db, IdempotencyLedger ledger, WorkflowStateLoader process, RequiredEvidence evidence)
{
    public const string CommandName = "complete-task";

    /// <summary>
    /// Completes the task; answers it as a <see cref="TaskView"/>. A repeat with the same <c>Idempotency-Key</c> and body
    /// answers the task as it is now (completed: final), read again rather than stored, so the key costs the hot path
    /// one insert and no serialisation.
    /// </summary>
    public Task<TaskView> CompleteAsync(Guid taskId, CompleteTask command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (command.Comment is { Length: > 2000 }) throw WorkflowException.Invalid("comment", "办理意见不能超过 2000 字。");
        var request = CommandRequest.For(CommandName, taskId, idempotencyKey, command);
        return request.Key is null
            ? ledger.RunAsync(actor, request, changes => CompleteOnceAsync(taskId, command, actor, changes, ct), ct)
            : ledger.RunAsync(actor, request, changes => CompleteOnceAsync(taskId, command, actor, changes, ct), () => RereadAsync(taskId, ct), ct);
    }

    private async Task<TaskView> CompleteOnceAsync(Guid taskId, CompleteTask command, Actor actor, EngineChanges changes, CancellationToken ct)
    {
        var state = await process.LoadTaskAsync(taskId, ct);
        if (state is null || !CanSee(actor, state.Task)) throw WorkflowException.NotFound("任务不存在。");
        var (task, workflow, timers) = state;
        if (!WorkflowGuard.CanWorkOn(actor, task)) throw WorkflowException.Forbidden("您的角色不能办理此任务。");
        if (task.Status == UserTaskStatus.Cancelled) throw WorkflowException.Conflict("该任务已取消。");
        if (task.Status != UserTaskStatus.Open) throw WorkflowException.Conflict("该任务已办结，不能重复办理。");
        if (task.Delegation == DelegationState.Pending)
            throw WorkflowException.Conflict("该任务正在委派办理中：受托人办理后退回委托人，由委托人确认办结。");
        if (task.Assignee is { } assignee && assignee != actor.UserName) throw WorkflowException.Conflict($"该任务已由 {assignee} 领办。");

        WorkflowGuard.EnsureRunning(workflow, "办理任务");
        var template = await process.TemplateAsync(workflow, ct);
        var definition = template.Elements.SingleOrDefault(e => e.Id == task.ElementId)
            ?? throw new InvalidOperationException($"Task element {task.ElementId} is not in template {template.Key} v{workflow.TemplateVersion}.");
        var outcome = ValidateOutcome(definition, command.Outcome);
        var data = FormValidator.Validate(definition.Form, command.Data);
        await evidence.EnsureUploadedAsync(task, definition, outcome, state.EvidenceOnFile, ct);
        var before = JournalState.Task(task);

        task.Status = UserTaskStatus.Completed;
        task.CompletedAt = changes.Now;
        task.CompletedBy = actor.UserName;
        task.Outcome = outcome;
        task.Data = data?.ToJsonString();
        task.Comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        task.Revision++;
        workflow.Revision++;

        foreach (var timer in timers)
        {
            timer.CancelledAt = changes.Now;
            timer.Revision++;
        }

        var journal = changes.Journal(workflow.Id, JournalKind.TaskCompleted, $"办结任务：{task.Title}" + (outcome is null ? "" : $"（结果：{OutcomeNames.Chinese(outcome)}）") + (task.Comment is null ? "" : $"；意见：{JournalText.Clip(task.Comment, JournalText.CommentInDetail)}"));
        journal.Before["task"] = before;
        journal.After["task"] = JournalState.Task(task);
        // Only a task that was ever warned has alerts to close: the hot path reads nothing more for the others.
        if (task.Alerted) journal.After["resolvedAlerts"] = await AlertResolver.ResolveTaskAsync(db, task.Id, AlertResolution.TaskCompleted, changes.Now, ct);
        changes.Raise(id => new TaskCompleted(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, actor.UserName, outcome, actor.Name));

        // A 会签/或签 instance: the element's other open instances are read only for these (the hot path reads nothing more).
        var siblings = definition.MultiInstance is not null && task.InstanceKey is not null ? await OpenSignatures.OfAsync(db, task, ct) : null;
        var runner = await process.RunnerAsync(workflow, changes, ct);
        if (runner.TaskCompleted(task, outcome, data, actor.UserName, journal) && siblings is not null)
            await OpenSignatures.CompleteElementAsync(db, changes, workflow, task, definition, definition.MultiInstance!,
                (int)runner.Variables.GetNumber($"{task.ElementId}.signed"), siblings, ct);
        return TaskView.From(task);
    }

    private async Task<TaskView> RereadAsync(Guid taskId, CancellationToken ct) =>
        TaskView.From(await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct));

    private static string? ValidateOutcome(ElementDefinition definition, string? outcome)
    {
        var allowed = definition.Outcomes ?? [];
        // A decision is a person's choice: the engine never picks one (issue 12 — pressing 确认办结 recorded 同意 unasked).
        if (string.IsNullOrWhiteSpace(outcome))
            return allowed.Count > 0 ? throw WorkflowException.Invalid("outcome", "请选择办理结果。") : null;
        if (!allowed.Contains(outcome))
            throw WorkflowException.Invalid("outcome", allowed.Count == 0
                ? "此任务不需要办理结果。"
                : $"办理结果必须是以下之一：{string.Join("、", allowed)}。");
        return outcome;
    }

    internal static bool CanSee(Actor actor, WorkflowTask task) => actor.CanSeeTask(task);
}
