using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Copies;

/// <summary>A copy in 抄送我的: the task, its township, who copied it with what comment, when, and whether it was read.</summary>
public sealed record CopyView(
    Guid Id, Guid TaskId, Guid WorkflowId, string TownshipCode, string TownshipName, string TaskTitle, string CopiedBy,
    string CopiedByName, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static CopyView From(TaskCopy c) => new(c.Id, c.TaskId, c.WorkflowId, c.TownshipCode, c.TownshipName, c.TaskTitle,
        c.CopiedBy, c.CopiedByName, c.Comment, c.CreatedAt, c.ReadAt);
}

/// <summary>抄送我的: the caller's copies, newest first, paged by <c>before</c>; and marking one read (only one's own).</summary>
public sealed class TaskCopies(WorkflowDbContext db, IdempotencyLedger ledger)
{
    public const int MaxLimit = 100;
    public const string MarkReadCommand = "mark-copy-read";

    /// <summary>At most <paramref name="limit"/> copies created before <paramref name="before"/> (the last one's <c>createdAt</c> of the page before).</summary>
    public async Task<IReadOnlyList<CopyView>> ListAsync(Actor actor, int? limit, DateTimeOffset? before, CancellationToken ct)
    {
        var take = limit ?? 20;
        if (take is < 1 or > MaxLimit) throw WorkflowException.Invalid("limit", $"limit 必须在 1 到 {MaxLimit} 之间。");
        var query = db.TaskCopies.AsNoTracking().Where(c => c.UserName == actor.UserName);
        if (before is { } b) query = query.Where(c => c.CreatedAt < b);
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(CopyView.From)];
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct) =>
        await db.TaskCopies.AsNoTracking().CountAsync(c => c.UserName == actor.UserName && c.ReadAt == null, ct);

    /// <summary>Marks one's own copy read; another's copy is not found. Reading it again changes nothing.</summary>
    public Task<CopyView> MarkReadAsync(Guid copyId, Actor actor, string? idempotencyKey, CancellationToken ct) =>
        ledger.RunAsync(actor, CommandRequest.For<object>(MarkReadCommand, copyId, idempotencyKey, null), async changes =>
        {
            var copy = await db.TaskCopies.SingleOrDefaultAsync(c => c.Id == copyId && c.UserName == actor.UserName, ct)
                ?? throw WorkflowException.NotFound("抄送不存在。");
            if (copy.ReadAt is null)
            {
                copy.ReadAt = changes.Now;
                copy.Revision++;
            }
            return CopyView.From(copy);
        }, ct);
}
