using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Targets;

/// <summary>
/// The titles units hold: those the county office recorded, and those the creation workflows yielded. A workflow
/// yields its track's title when its naming task (<see cref="NamingTaskKey"/>) is completed, in that year, with the
/// document number entered there; the county office does not enter it again (it is derived, not copied). Where both
/// exist for one unit and title, the recorded one stands (the county office's record is the formal one).
/// </summary>
public sealed class TitlesHeld(WorkflowDbContext db)
{
    /// <summary>The built-in templates' "登记获得命名" task; its form field <c>documentNumber</c> holds the 文号.</summary>
    public const string NamingTaskKey = "record-naming";

    /// <summary>Every title the actor may see, revoked ones included (marked), newest first.</summary>
    public async Task<IReadOnlyList<TitleView>> ListAsync(Actor actor, CancellationToken ct)
    {
        var confinedTo = Confinement(actor);
        var all = await AllAsync(includeRevoked: true, ct);
        return [.. all.Where(t => confinedTo is null || t.TownshipCode == confinedTo).OrderByDescending(t => t.Year).ThenBy(t => t.TownshipCode)];
    }

    /// <summary>One recorded title (revoked or not), if the actor may see it.</summary>
    public async Task<TitleView> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var confinedTo = Confinement(actor);
        return (await AllAsync(includeRevoked: true, ct)).FirstOrDefault(t => t.Id == id && (confinedTo is null || t.TownshipCode == confinedTo))
            ?? throw WorkflowException.NotFound("命名登记不存在。");
    }

    /// <summary>Titles held at the end of <paramref name="year"/>: conferred that year or before and not revoked.</summary>
    public async Task<IReadOnlyList<TitleView>> HeldAtEndOfAsync(int year, CancellationToken ct) =>
        [.. (await AllAsync(includeRevoked: false, ct)).Where(t => t.Year <= year)];

    /// <summary>The title a workflow yielded for this unit, if any (the county office may not record it a second time).</summary>
    internal async Task<TitleView?> DerivedAsync(string townshipCode, string title, CancellationToken ct) =>
        (await DerivedAsync(ct)).FirstOrDefault(t => t.TownshipCode == townshipCode && t.Title == title);

    /// <summary>County-wide roles and county finance see every unit; township users their own; department staff none.</summary>
    public static string? Confinement(Actor actor) =>
        actor.IsCountyWide || actor.IsInRole(Roles.CountyFinance) ? null
        : actor.TownshipCode ?? throw WorkflowException.Forbidden("县级部门不能查看命名登记。");

    private async Task<List<TitleView>> AllAsync(bool includeRevoked, CancellationToken ct)
    {
        var recorded = await (from t in db.HeldTitles.AsNoTracking()
                              join u in db.Townships.AsNoTracking() on t.TownshipCode equals u.Code
                              where includeRevoked || t.RevokedAt == null
                              select new TitleView(t.Id, t.TownshipCode, u.Name, t.Title, t.Year, t.DocumentNumber, TitleView.RecordedSource,
                                  null, t.RecordedBy, t.RecordedAt, t.RevokedAt, t.RevocationReason)).ToListAsync(ct);
        var standing = recorded.Where(r => !r.Revoked).Select(r => (r.TownshipCode, r.Title)).ToHashSet();
        var derived = (await DerivedAsync(ct)).Where(d => !standing.Contains((d.TownshipCode, d.Title)));
        return [.. recorded, .. derived];
    }

    private async Task<List<TitleView>> DerivedAsync(CancellationToken ct)
    {
        var named = await (from t in db.Tasks.AsNoTracking()
                           join w in db.Workflows.AsNoTracking() on t.WorkflowId equals w.Id
                           where t.ElementId == NamingTaskKey && t.Status == UserTaskStatus.Completed && w.Status != WorkflowStatus.Cancelled
                           select new { w.Id, w.TownshipCode, w.TownshipName, w.Track, t.CompletedAt, t.CompletedBy, t.Data }).ToListAsync(ct);
        return [.. named.Where(n => n.CompletedAt is not null)
            .Select(n => new TitleView(null, n.TownshipCode, n.TownshipName, n.Track, ChinaTime.ToLocal(n.CompletedAt!.Value).Year,
                DocumentNumber(n.Data), TitleView.WorkflowSource, n.Id, n.CompletedBy, n.CompletedAt, null, null))
            .GroupBy(n => (n.TownshipCode, n.Title)).Select(g => g.OrderBy(n => n.Year).First())];
    }

    private static string? DocumentNumber(string? data)
    {
        if (data is null) return null;
        using var json = JsonDocument.Parse(data);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("documentNumber", out var value)
               && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
    }
}
