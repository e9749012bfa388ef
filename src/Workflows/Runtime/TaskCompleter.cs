using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime;

/// <summary>Completes user tasks and moves their workflow on.</summary>
public sealed class TaskCompleter(
    WorkflowDbContext db, EngineCommandRunner runner, IdempotencyLedger ledger, WorkflowStateLoader process, RequiredEvidence evidence)
{
    private const string CommandName = "complete-task";

    public async Task<WorkflowTask> CompleteAsync(Guid taskId, CompleteTask command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (command.Comment is { Length: > 2000 }) throw WorkflowException.Invalid("comment", "办理意见不能超过 2000 字。");
        IdempotencyLedger.Check(idempotencyKey);

        try
        {
            return await runner.RunAsync(actor.UserName, changes => CompleteOnceAsync(taskId, command, actor, idempotencyKey, changes, ct), ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && idempotencyKey is not null)
        {
            // A concurrent request with the same Idempotency-Key committed first: answer with its result.
            return await ReplayAsync(taskId, actor, idempotencyKey, ct)
                ?? throw WorkflowException.Conflict("该任务已办结。");
        }
    }

    private async Task<WorkflowTask> CompleteOnceAsync(Guid taskId, CompleteTask command, Actor actor, string? idempotencyKey, EngineChanges changes, CancellationToken ct)
    {
        if (idempotencyKey is not null && await ReplayAsync(taskId, actor, idempotencyKey, ct) is { } replayed) return replayed;

        var state = await process.LoadTaskAsync(taskId, ct);
        if (state is null || !CanSee(actor, state.Task)) throw WorkflowException.NotFound("任务不存在。");
        var (task, workflow, timers) = state;
        if (!WorkflowGuard.CanWorkOn(actor, task)) throw WorkflowException.Forbidden("您的角色不能办理此任务。");
        if (task.Status == UserTaskStatus.Cancelled) throw WorkflowException.Conflict("该任务已取消。");
        if (task.Status != UserTaskStatus.Open) throw WorkflowException.Conflict("该任务已办结，不能重复办理。");
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

        var journal = changes.Journal(workflow.Id, JournalKind.TaskCompleted, $"办结任务：{task.Title}" + (outcome is null ? "" : $"（结果：{outcome}）") + (task.Comment is null ? "" : $"；意见：{task.Comment}"));
        journal.Before["task"] = before;
        journal.After["task"] = JournalState.Task(task);
        changes.Raise(id => new TaskCompleted(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
            task.StageKey, task.Title, actor.UserName, outcome));
        // No stored answer: a completed task is final, so a repeat reads it again.
        ledger.Remember(changes, actor.UserName, idempotencyKey, CommandName, task.Id, result: null);

        (await process.RunnerAsync(workflow, changes, ct)).TaskCompleted(task, outcome, data, actor.UserName, journal);
        return task;
    }

    private async Task<WorkflowTask?> ReplayAsync(Guid taskId, Actor actor, string idempotencyKey, CancellationToken ct)
    {
        if (await ledger.FindAsync(actor.UserName, idempotencyKey, CommandName, taskId, ct) is null) return null;
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
    }

    private static string? ValidateOutcome(ElementDefinition definition, string? outcome)
    {
        var allowed = definition.Outcomes ?? [];
        if (string.IsNullOrWhiteSpace(outcome)) return allowed.Count > 0 ? allowed[0] : null;
        if (!allowed.Contains(outcome))
            throw WorkflowException.Invalid("outcome", allowed.Count == 0
                ? "此任务不需要办理结果。"
                : $"办理结果必须是以下之一：{string.Join("、", allowed)}。");
        return outcome;
    }

    internal static bool CanSee(Actor actor, WorkflowTask task) => actor.CanSeeTask(task);
}
