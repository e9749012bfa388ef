using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// The bulletin's commands, one file each (GenerateBulletin, EditBulletin, ApproveBulletin, PublishBulletin), every one
/// through the idempotency pipeline. The county office (县爱卫办) generates, edits, approves and publishes.
/// </summary>
public sealed partial class BulletinOffice(
    WorkflowDbContext db, IdempotencyLedger ledger, BulletinGenerator generator, BulletinNumbering numbering, TimeProvider clock)
{
    private static void RequireCountyOffice(Actor actor, string what)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden($"只有县爱卫办可以{what}督查通报。");
    }

    private async Task<Bulletin> FindAsync(Guid id, CancellationToken ct) =>
        await db.Bulletins.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw WorkflowException.NotFound("督查通报不存在。");
}
