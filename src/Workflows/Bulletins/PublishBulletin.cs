using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Bulletins;

public sealed partial class BulletinOffice
{
    public const string PublishCommand = "publish-bulletin";
    private const int NumberAttempts = 20;

    /// <summary>
    /// Publish (发布) an approved bulletin: it takes the next number of the year of publication and every township hears of
    /// it (<see cref="BulletinPublished"/>). A draft answers 409 (approve first), as does a published one. The number is the
    /// year's highest plus one, written in the publication's own transaction: a rival that took the same number first
    /// makes the unique index on (year, number) refuse this one, which then tries again with the next — no duplicate,
    /// and no gap, since a number exists only in a committed publication.
    /// </summary>
    public async Task<BulletinView> PublishAsync(Guid id, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireCountyOffice(actor, "发布");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ledger.RunAsync(actor, CommandRequest.For<object>(PublishCommand, id, idempotencyKey, null), changes => PublishOnceAsync(id, actor, changes, ct), ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < NumberAttempts)
            {
                // Another publication took this number; the next attempt reads the year's numbers again.
            }
        }
    }

    private async Task<BulletinView> PublishOnceAsync(Guid id, Actor actor, EngineChanges changes, CancellationToken ct)
    {
        var bulletin = await FindAsync(id, ct);
        if (bulletin.Status == BulletinStatus.Draft) throw WorkflowException.Conflict("通报尚未审核，审核通过后才能发布。");
        if (bulletin.Status == BulletinStatus.Published) throw WorkflowException.Conflict($"该通报已发布（{bulletin.Number}）。");
        var year = ChinaTime.Today(changes.Now).Year;
        var sequence = (await db.Bulletins.Where(b => b.NumberYear == year).MaxAsync(b => b.Sequence, ct) ?? 0) + 1;
        (bulletin.Status, bulletin.NumberYear, bulletin.Sequence, bulletin.Number) = (BulletinStatus.Published, year, sequence, numbering.Format(year, sequence));
        (bulletin.PublishedAt, bulletin.PublishedBy) = (changes.Now, actor.UserName);
        bulletin.Revision++;
        changes.Raise(eventId => new BulletinPublished(eventId, changes.Now, bulletin.Id, bulletin.Number, bulletin.Title, actor.UserName, actor.Name));
        return BulletinView.From(bulletin);
    }
}
