using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Workflows;
using static Shizhu.Workflows.Plans.PlanEntryResult;

namespace Shizhu.Workflows.Plans;

/// <summary>
/// Starts a whole plan (行事历) in one call. Idempotent per township and track: an entry whose township already has
/// a running, suspended or completed workflow on that track answers that workflow instead of starting another.
/// Each start is its own transaction (one bad entry spoils nothing else); every entry gets an answer.
/// </summary>
public sealed class PlanImporter(WorkflowDbContext db, WorkflowStarter starter, IdempotencyLedger ledger)
{
    public const string Command = "import-plan";
    public const int MaxEntries = 100;

    public async Task<PlanImportResult> ImportAsync(ImportPlan command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以导入创建计划。");
        var request = CommandRequest.For(Command, Guid.Empty, idempotencyKey, command);
        var entries = command.Entries;
        if (entries is null || entries.Count == 0) throw WorkflowException.Invalid("entries", "请至少提供一个计划条目。");
        if (entries.Count > MaxEntries) throw WorkflowException.Invalid("entries", $"一次最多导入 {MaxEntries} 个计划条目。");

        // The plan sent is the request's body: the same key with another plan is refused (422).
        return await ledger.RunInStepsAsync(actor, request, async () =>
        {
            var results = new List<PlanEntryResult>(entries.Count);
            for (var i = 0; i < entries.Count; i++) results.Add(await ImportEntryAsync(i, entries[i], actor, ct));
            return new PlanImportResult(
                results.Count(r => r.Status == StartedStatus), results.Count(r => r.Status == ExistingStatus),
                results.Count(r => r.Status == InvalidStatus), results);
        }, ct);
    }

    private async Task<PlanEntryResult> ImportEntryAsync(int index, ImportPlanEntry? entry, Actor actor, CancellationToken ct)
    {
        var path = $"entries[{index}]";
        if (entry is null) return new(null, null, null, InvalidStatus, path, "计划条目不能为空。");
        var command = new StartWorkflow(entry.TownshipCode?.Trim(), entry.Track?.Trim(), entry.StartYear, entry.TargetYear, entry.Goal?.Trim());
        string code, track;
        try
        {
            var valid = await starter.ValidateAsync(command, ct);
            (code, track) = (valid.Township.Code, valid.Track);
        }
        catch (WorkflowException e) when (e.Kind == WorkflowErrorKind.Invalid)
        {
            return new(entry.TownshipCode, entry.Track, null, InvalidStatus, $"{path}.{e.Field}", e.Message);
        }

        if (await ExistingAsync(code, track, ct) is { } existing) return new(code, track, existing, ExistingStatus);
        try
        {
            var workflow = await starter.StartAsync(command, actor, idempotencyKey: null, ct);
            return new(code, track, workflow.Id, StartedStatus);
        }
        catch (WorkflowException e) when (e.Kind == WorkflowErrorKind.Conflict)
        {
            // Started by someone else meanwhile: that one is the answer. Otherwise (no published template) say why.
            if (await ExistingAsync(code, track, ct) is { } raced) return new(code, track, raced, ExistingStatus);
            return new(code, track, null, InvalidStatus, $"{path}.track", e.Message);
        }
    }

    /// <summary>The township's live or completed workflow on the track, the latest if there are several.</summary>
    private Task<Guid?> ExistingAsync(string townshipCode, string track, CancellationToken ct) =>
        db.Workflows.AsNoTracking()
            .Where(w => w.TownshipCode == townshipCode && w.Track == track
                        && (w.Status == WorkflowStatus.Running || w.Status == WorkflowStatus.Suspended || w.Status == WorkflowStatus.Completed))
            .OrderByDescending(w => w.StartedAt).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
}
