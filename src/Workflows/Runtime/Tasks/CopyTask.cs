using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>抄送: copy the task for information to users and to every holder of roles (the Host resolves roles to people).</summary>
public sealed record CopyTask(IReadOnlyList<string>? Users, IReadOnlyList<string>? Roles, string? Comment);

/// <summary>What a copy did: who received one now, and who had one already.</summary>
public sealed record CopyResult(IReadOnlyList<string> Copied, IReadOnlyList<string> AlreadyCopied);

public sealed partial class TaskOperations
{
    public const string CopyCommand = "copy-task";
    private const int MaxRecipients = 200;

    /// <summary>
    /// Adds a copy per recipient (<paramref name="recipients"/>: the people the Host found for <c>users</c> and
    /// <c>roles</c>, each with the field it came from). Everyone must be able to see the workflow already (ADR 0021): a
    /// copy never widens access; 400 names the field of the first who cannot. Open or finished tasks alike.
    /// </summary>
    public Task<CopyResult> CopyAsync(Guid taskId, CopyTask command, IReadOnlyList<(string Field, Actor Person)> recipients, Actor actor,
        string? idempotencyKey, CancellationToken ct)
    {
        var comment = Optional(command.Comment, "comment", "抄送说明");
        if (recipients.Count == 0) throw WorkflowException.Invalid("users", "请至少选择一位抄送人或一个角色。");
        if (recipients.Count > MaxRecipients) throw WorkflowException.Invalid("users", $"一次最多抄送 {MaxRecipients} 人。");
        return ledger.RunAsync(actor, CommandRequest.For(CopyCommand, taskId, idempotencyKey, command), async changes =>
        {
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !actor.CanSeeTask(task)) throw WorkflowException.NotFound("任务不存在。");
            if (!TaskOperationRules.CanCopy(actor, task)) throw WorkflowException.Forbidden("只有能办理此任务的人或县爱卫办可以抄送。");
            var workflow = await db.Workflows.SingleAsync(w => w.Id == task.WorkflowId, ct);
            foreach (var (field, person) in recipients)
                if (!await CanSeeWorkflowAsync(person, task, ct))
                    throw WorkflowException.Invalid(field, $"{person.Name} 无权查看{workflow.TownshipName}的创建工作流，不能抄送。");

            var people = recipients.Select(r => r.Person).Where(p => p.UserName != actor.UserName).DistinctBy(p => p.UserName).ToList();
            var existing = (await db.TaskCopies.AsNoTracking().Where(c => c.TaskId == taskId).Select(c => c.UserName).ToListAsync(ct)).ToHashSet();
            var fresh = people.Where(p => !existing.Contains(p.UserName)).ToList();
            foreach (var person in fresh)
                changes.AddRow(new TaskCopy
                {
                    Id = changes.NewId(), TaskId = task.Id, WorkflowId = workflow.Id, TownshipCode = workflow.TownshipCode,
                    TownshipName = workflow.TownshipName, TaskTitle = task.Title, UserName = person.UserName, CopiedBy = actor.UserName,
                    CopiedByName = actor.Name, Comment = comment, CreatedAt = changes.Now,
                });
            var already = people.Where(p => existing.Contains(p.UserName)).Select(p => p.UserName).ToList();
            if (fresh.Count == 0) return new CopyResult([], already);
            // The workflow's token: the copy is part of its trace, ordered with its other changes.
            workflow.Revision++;
            var names = string.Join("、", fresh.Select(p => p.Name));
            var journal = changes.Journal(workflow.Id, JournalKind.TaskCopied, $"抄送任务：{task.Title}（抄送 {names}）" + (comment is null ? "" : $"；说明：{comment}"));
            journal.After["copies"] = new JsonObject
            {
                ["taskId"] = task.Id,
                ["users"] = new JsonArray([.. fresh.Select(p => (JsonNode)p.UserName)]),
                ["comment"] = comment,
            };
            changes.Raise(id => new TaskHandedOver(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
                task.Title, task.Role, task.DepartmentCode, TaskOperationNames.Copied, string.Join(",", fresh.Select(p => p.UserName)), names,
                actor.UserName, actor.Name, comment));
            return new CopyResult([.. fresh.Select(p => p.UserName)], already);
        }, ct);
    }

    /// <summary>
    /// ADR 0021's rule for reading a workflow: county-wide roles every one, a township's users their township's, a
    /// department's staff the workflows in which their department has tasks.
    /// </summary>
    private async Task<bool> CanSeeWorkflowAsync(Actor person, WorkflowTask task, CancellationToken ct) =>
        person.CanSeeTownship(task.TownshipCode)
        || (person.DepartmentCode is { } department && await db.Tasks.AnyAsync(t => t.WorkflowId == task.WorkflowId && t.DepartmentCode == department, ct));
}
