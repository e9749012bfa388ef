using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Evidence;

/// <summary>Take back one's own evidence file (a wrong upload) while its task is open. No body.</summary>
public sealed record RemoveEvidence(Guid EvidenceId);

/// <summary>
/// Removes an evidence file its uploader put on an open task by mistake (ADR 0033). Only the uploader may, only
/// while the task is open and its workflow runs: once the task is completed the file is part of what the
/// completion rested on and stays. The row goes in one engine transaction with its journal entry (which keeps the
/// file's name and hash: the trace of the upload is never rewritten); the bytes are deleted after the commit.
/// A repeat with the same <c>Idempotency-Key</c> answers the first answer; without one, a second removal answers 404.
/// </summary>
public sealed class EvidenceRemover(WorkflowDbContext db, IdempotencyLedger ledger, IEvidenceStore store)
{
    public const string Command = "remove-evidence";

    public async Task<EvidenceView> RemoveAsync(Guid taskId, Guid evidenceId, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        string? removedPath = null;
        var view = await ledger.RunAsync(actor, CommandRequest.For(Command, taskId, idempotencyKey, new RemoveEvidence(evidenceId)), async changes =>
        {
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !actor.CanSeeTask(task)) throw WorkflowException.NotFound("任务不存在。");
            var file = await db.EvidenceFiles.SingleOrDefaultAsync(e => e.Id == evidenceId && e.TaskId == taskId, ct)
                ?? throw WorkflowException.NotFound("佐证材料不存在。");
            if (file.UploadedBy != actor.UserName) throw WorkflowException.Forbidden("只能删除自己上传的佐证材料。");
            if (task.Status == UserTaskStatus.Cancelled) throw WorkflowException.Conflict("该任务已取消，佐证材料不能再删除。");
            if (task.Status != UserTaskStatus.Open) throw WorkflowException.Conflict("该任务已办结，佐证材料不能再删除。");
            var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == task.WorkflowId, ct);
            WorkflowGuard.EnsureRunning(workflow, "删除佐证材料");

            db.EvidenceFiles.Remove(file);
            // The task's token, as an upload takes it: a removal racing the completion lands before it or is refused.
            task.Revision++;
            var journal = changes.Journal(workflow.Id, JournalKind.EvidenceRemoved, $"删除佐证材料：{file.FileName}（任务：{task.Title}）");
            journal.Before["evidence"] = new JsonObject
            {
                ["id"] = file.Id, ["taskId"] = file.TaskId, ["requirement"] = file.Requirement, ["fileName"] = file.FileName,
                ["contentType"] = file.ContentType, ["size"] = file.Size, ["sha256"] = file.Sha256,
            };
            removedPath = file.StoragePath;
            return EvidenceView.From(file);
        }, ct);
        if (removedPath is not null)
        {
            try
            {
                await store.DeleteAsync(removedPath, CancellationToken.None);
            }
            catch (IOException)
            {
                // Left behind, the bytes are an orphan no row points at: never served, harmless but for their space.
            }
        }
        return view;
    }
}
