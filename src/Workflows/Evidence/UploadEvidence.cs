using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Evidence;

/// <summary>Attach a file to a task as evidence for one of its requirements; the content comes as a stream beside it.</summary>
public sealed record UploadEvidence(string? Requirement, string? FileName);

/// <summary>
/// Attaches evidence to an open task. The bytes are streamed to the store first — sniffed, counted against the
/// limit and hashed on the way — and checked by content; only then does one engine transaction add the row and
/// the journal entry. Whatever refuses or fails after the bytes were stored removes them again.
/// </summary>
public sealed class EvidenceUploader(
    WorkflowDbContext db, IdempotencyLedger ledger, IEvidenceStore store, EvidenceLimits limits, TemplateCatalog templates, TimeProvider clock)
{
    public const string Command = "upload-evidence";
    public const int MaxRequirementLength = 60;

    public async Task<EvidenceView> UploadAsync(
        Guid taskId, UploadEvidence command, Stream content, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var requirement = Requirement(command.Requirement);
        IdempotencyLedger.Check(idempotencyKey);
        if (await ledger.IsUsedAsync(actor, idempotencyKey, ct))
        {
            // A repeat: the file's bytes are part of the request, so they are hashed (not stored) and compared with the first.
            var repeated = Request(taskId, idempotencyKey, requirement, command.FileName, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)));
            return await ledger.ReplayAsync<EvidenceView>(actor, repeated, ct)
                ?? throw new InvalidOperationException($"Idempotency-Key {idempotencyKey} was used but has no record.");
        }
        // Refuse what the command would refuse before a single byte is stored.
        var (task, taskWorkflow) = await LoadAsync(taskId, actor, track: false, ct);
        await EnsureRequirementOfTaskAsync(task, taskWorkflow, requirement, ct);

        var head = new byte[EvidenceContent.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0) throw WorkflowException.Invalid("file", "上传的文件是空的。");
        var family = EvidenceContent.Sniff(head.AsSpan(0, headLength));
        if (family == EvidenceContent.Family.None) throw WorkflowException.Invalid("file", EvidenceContent.NotAllowed);

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var path = $"{task.TownshipCode}/{id:N}";
        try
        {
            long size;
            string sha256;
            using (var inspecting = new InspectingStream(head.AsMemory(0, headLength), content, limits.MaxBytes,
                       $"文件不能超过 {limits.MaxSizeText}。"))
            {
                await store.SaveAsync(path, inspecting, ct);
                (size, sha256) = (inspecting.BytesRead, inspecting.Sha256Hex());
            }
            var kind = await IdentifyAsync(family, path, ct);
            var fileName = EvidenceFileName.Sanitise(command.FileName, kind);

            var view = await ledger.RunAsync(actor, Request(taskId, idempotencyKey, requirement, command.FileName, sha256), async changes =>
            {
                var (current, workflow) = await LoadAsync(taskId, actor, track: true, ct);
                var file = new EvidenceFile
                {
                    Id = id, TaskId = current.Id, WorkflowId = current.WorkflowId, TownshipCode = current.TownshipCode,
                    Requirement = requirement, FileName = fileName, ContentType = EvidenceContent.ContentType(kind), Size = size,
                    Sha256 = sha256, StoragePath = path, UploadedBy = actor.UserName, UploadedAt = changes.Now,
                };
                db.EvidenceFiles.Add(file);
                // The task's token: an upload racing the task's completion either lands before it or is refused.
                current.Revision++;
                var journal = changes.Journal(workflow.Id, JournalKind.EvidenceUploaded,
                    $"上传佐证材料：{fileName}（任务：{current.Title}；要求：{requirement}；{size} 字节；SHA-256：{sha256}）");
                journal.After["evidence"] = new JsonObject
                {
                    ["id"] = file.Id, ["taskId"] = file.TaskId, ["requirement"] = requirement, ["fileName"] = fileName,
                    ["contentType"] = file.ContentType, ["size"] = size, ["sha256"] = sha256,
                };
                return EvidenceView.From(file);
            }, ct);
            // A concurrent request with the same Idempotency-Key won: its file is the one kept.
            if (view.Id != id) await DeleteQuietlyAsync(path);
            return view;
        }
        catch
        {
            await DeleteQuietlyAsync(path);
            throw;
        }
    }

    /// <summary>The request as the idempotency pipeline compares it: the form's fields and the file's SHA-256.</summary>
    private static CommandRequest Request(Guid taskId, string? key, string requirement, string? fileName, string sha256) =>
        CommandRequest.For(Command, taskId, key, new UploadedEvidence(requirement, fileName, sha256));

    private sealed record UploadedEvidence(string Requirement, string? FileName, string Sha256);

    private async Task<EvidenceKind> IdentifyAsync(EvidenceContent.Family family, string path, CancellationToken ct)
    {
        await using var stored = await store.OpenReadAsync(path, ct)
            ?? throw new InvalidOperationException($"Evidence {path} was not found right after it was stored.");
        var (kind, refusal) = await EvidenceContent.IdentifyAsync(family, stored, ct);
        return kind ?? throw WorkflowException.Invalid("file", refusal ?? EvidenceContent.NotAllowed);
    }

    /// <summary>
    /// The task — visible to the actor, theirs to work on, open — and its running workflow; tracked only for the command.
    /// Uploading is part of doing the task, so it takes the same right as completing it: a file from an onlooker
    /// (a leader, another scope's user) would otherwise count toward the completion of someone else.
    /// </summary>
    private async Task<(WorkflowTask Task, WorkflowInstance Workflow)> LoadAsync(Guid taskId, Actor actor, bool track, CancellationToken ct)
    {
        var tasks = track ? db.Tasks : db.Tasks.AsNoTracking();
        var task = await tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !actor.CanSeeTask(task)) throw WorkflowException.NotFound("任务不存在。");
        if (!WorkflowGuard.CanWorkOn(actor, task)) throw WorkflowException.Forbidden("您的角色不能办理此任务，不能为它上传佐证材料。");
        if (task.Status == UserTaskStatus.Cancelled) throw WorkflowException.Conflict("该任务已取消，不能上传佐证材料。");
        if (task.Status != UserTaskStatus.Open) throw WorkflowException.Conflict("该任务已办结，不能再上传佐证材料。");
        var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == task.WorkflowId, ct);
        WorkflowGuard.EnsureRunning(workflow, "上传佐证材料");
        return (task, workflow);
    }

    /// <summary>
    /// A file answers one of the task's evidence requirements (its template element's): a key the task does not ask for
    /// would be stored and listed, but never count for a completion.
    /// </summary>
    private async Task EnsureRequirementOfTaskAsync(WorkflowTask task, WorkflowInstance workflow, string requirement, CancellationToken ct)
    {
        var template = await templates.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);
        var asked = template.Elements.FirstOrDefault(e => e.Id == task.ElementId)?.Evidence ?? [];
        if (asked.Any(r => r.Key == requirement)) return;
        throw WorkflowException.Invalid("requirement", asked.Count == 0
            ? "此任务不要求上传佐证材料。"
            : $"此任务没有“{requirement}”这项佐证材料要求，可选：{string.Join("、", asked.Select(r => $"{r.Key}（{r.Label}）"))}。");
    }

    private async Task DeleteQuietlyAsync(string path)
    {
        try
        {
            await store.DeleteAsync(path, CancellationToken.None);
        }
        catch (Exception)
        {
            // Left behind, the file is an orphan no row points at: never served, harmless but for its space.
        }
    }

    private static string Requirement(string? requirement)
    {
        var key = requirement?.Trim();
        if (string.IsNullOrEmpty(key)) throw WorkflowException.Invalid("requirement", "请填写这份佐证材料对应的要求（requirement）。");
        if (key.Length > MaxRequirementLength)
            throw WorkflowException.Invalid("requirement", $"要求编号不能超过 {MaxRequirementLength} 个字符。");
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw WorkflowException.Invalid("requirement", "要求编号只能包含英文字母、数字、连字符（-）、下划线（_）和点（.）。");
        return key;
    }
}
