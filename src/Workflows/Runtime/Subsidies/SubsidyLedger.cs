using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Runtime.Subsidies;

/// <summary>
/// The subsidy ledger: every instalment the workflows recorded, with totals per township and per year. The county
/// office, county leaders and county finance read every township's; a township's users their own; nobody else any.
/// </summary>
public sealed class SubsidyLedger(WorkflowDbContext db)
{
    public static bool CanReadAll(Actor actor) =>
        actor.IsInRole(Roles.CountyAdmin) || actor.IsInRole(Roles.CountyLeader) || actor.IsInRole(Roles.CountyFinance);

    public async Task<SubsidyLedgerView> ReadAsync(Actor actor, string? townshipCode, int? year, CancellationToken ct)
    {
        var confinedTo = CanReadAll(actor) ? null
            : actor.TownshipCode ?? throw WorkflowException.Forbidden("只有县爱卫办、县领导、县财政和乡镇可以查看补助台账。");
        if (confinedTo is not null && townshipCode is not null && townshipCode != confinedTo)
            throw WorkflowException.Forbidden("只能查看本乡镇的补助。");
        var township = confinedTo ?? townshipCode;

        var rows = await (from s in db.SubsidyInstalments.AsNoTracking()
                          join w in db.Workflows.AsNoTracking() on s.WorkflowId equals w.Id
                          where township == null || s.TownshipCode == township
                          select new SubsidyInstalmentView(s.Id, s.WorkflowId, s.TownshipCode, w.TownshipName, w.Track, s.Instalment, s.Amount,
                              s.Milestone, s.DueOn, s.PaidOn, s.VoucherNumber, s.ConfirmedBy, s.ConfirmedAt)).ToListAsync(ct);
        var lines = rows.Where(r => year is null || r.DueOn.Year == year)
            .OrderBy(r => r.DueOn).ThenBy(r => r.TownshipCode).ThenBy(r => r.Instalment).ToList();

        var byTownship = lines.GroupBy(l => (l.TownshipCode, l.TownshipName)).OrderBy(g => g.Key.TownshipCode)
            .Select(g => Totals(g.Key.TownshipCode, g.Key.TownshipName, g)).ToList();
        var byYear = lines.GroupBy(l => l.DueOn.Year).OrderBy(g => g.Key)
            .Select(g => Totals(g.Key.ToString(CultureInfo.InvariantCulture), $"{g.Key}年", g)).ToList();
        return new SubsidyLedgerView(lines, byTownship, byYear, Totals("total", "合计", lines));
    }

    private static SubsidyTotals Totals(string key, string name, IEnumerable<SubsidyInstalmentView> lines)
    {
        var list = lines.ToList();
        return new SubsidyTotals(key, name, list.Sum(l => l.Amount), list.Where(l => l.Paid).Sum(l => l.Amount));
    }
}
