using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// The archive (通报归档) and one bulletin: the county office and county leaders read every bulletin, drafts included;
/// township users read the published ones (they are sent to every township). Others read none.
/// </summary>
public sealed class BulletinArchive(WorkflowDbContext db)
{
    public async Task<IReadOnlyList<BulletinSummary>> ListAsync(Actor actor, int? year, CancellationToken ct)
    {
        var drafts = SeesDrafts(actor);
        var rows = await db.Bulletins.AsNoTracking()
            .Where(b => (drafts || b.Status == BulletinStatus.Published) && (year == null || b.PeriodYear == year))
            .Select(b => new { b.Id, b.PeriodYear, b.PeriodMonth, b.Scheduled, b.Status, b.Title, b.Number, b.CreatedAt, b.PublishedAt }).ToListAsync(ct);
        return [.. rows.OrderByDescending(b => b.PeriodYear).ThenByDescending(b => b.PeriodMonth).ThenByDescending(b => b.CreatedAt)
            .Select(b => new BulletinSummary(b.Id, b.PeriodYear, b.PeriodMonth, b.Scheduled, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(b.Status.ToString()),
                BulletinText.StatusName(b.Status), b.Title, b.Number, b.CreatedAt, b.PublishedAt))];
    }

    public async Task<BulletinView> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var bulletin = await db.Bulletins.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null || (!SeesDrafts(actor) && bulletin.Status != BulletinStatus.Published))
            throw WorkflowException.NotFound("督查通报不存在。");
        return BulletinView.From(bulletin);
    }

    private static bool SeesDrafts(Actor actor)
    {
        if (actor.IsInRole(Roles.CountyAdmin) || actor.IsInRole(Roles.CountyLeader)) return true;
        if (actor.TownshipCode is not null) return false;
        throw WorkflowException.Forbidden("督查通报由县爱卫办、县领导和各乡镇查看。");
    }
}
