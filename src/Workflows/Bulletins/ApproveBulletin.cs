using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Bulletins;

public sealed partial class BulletinOffice
{
    public const string ApproveCommand = "approve-bulletin";

    /// <summary>Approve (审核通过) a draft: only the county office; an approved or published bulletin answers 409.</summary>
    public Task<BulletinView> ApproveAsync(Guid id, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireCountyOffice(actor, "审核");
        return ledger.RunAsync(actor, CommandRequest.For<object>(ApproveCommand, id, idempotencyKey, null), async changes =>
        {
            var bulletin = await FindAsync(id, ct);
            if (bulletin.Status != BulletinStatus.Draft) throw WorkflowException.Conflict($"该通报{BulletinText.StatusName(bulletin.Status)}，只有草稿可以审核。");
            (bulletin.Status, bulletin.ApprovedAt, bulletin.ApprovedBy) = (BulletinStatus.Approved, changes.Now, actor.UserName);
            bulletin.Revision++;
            return BulletinView.From(bulletin);
        }, ct);
    }
}
