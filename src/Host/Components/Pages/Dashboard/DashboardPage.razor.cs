using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Cockpit;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Subsidies;
using Shizhu.Workflows.Targets;

namespace Shizhu.Host.Components.Pages.Dashboard;

/// <summary>
/// 督办驾驶舱: the same data as <c>GET /api/dashboard</c> (the engine's <see cref="CockpitQuery"/>), with the target sheet and
/// the subsidy totals for those who may read them; a cell or a bar opens the tasks behind it.
/// </summary>
public sealed partial class DashboardPage
{
    private DashboardView? _view;
    private object? _gantt;
    private object? _overdue;
    private TargetSheetView? _targets;
    private SubsidyLedgerView? _subsidies;
    private IReadOnlyList<DashboardTask>? _drill;
    private string _drillCaption = "";
    private string? _error;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        try
        {
            _view = await Engine.RunAsync(sp => sp.GetRequiredService<CockpitQuery>().ReadAsync(actor, null, ct));
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
            return;
        }
        _gantt = new
        {
            rows = _view.Timeline.Select(r => new { label = $"{r.TownshipName}（{(r.Track == Tracks.National ? "国家" : "市级")}）", r.Planned, r.Actual }),
            today = _view.Today,
            from = new DateOnly(Math.Min(2022, _view.Timeline.SelectMany(r => r.Planned).Select(p => p.From.Year).DefaultIfEmpty(2022).Min()), 1, 1),
            to = new DateOnly(Math.Max(2026, _view.Timeline.SelectMany(r => r.Planned).Select(p => p.To.Year).DefaultIfEmpty(2026).Max()), 12, 31),
        };
        _overdue = new { months = _view.Charts.Months, series = _view.Charts.OverdueByMonth };
        // The target sheet is the county's (county-wide roles); the ledger shows a township its own.
        _targets = actor.IsCountyWide ? await Engine.RunAsync(sp => sp.GetRequiredService<TargetSheet>().ReadAsync(actor, _view.Today.Year, ct)) : null;
        _subsidies = actor.IsCountyWide || actor.IsInRole(Roles.TownshipLeader)
            ? await Engine.RunAsync(sp => sp.GetRequiredService<SubsidyLedger>().ReadAsync(actor, null, null, ct)) : null;
    }

    private async Task ShowCellAsync((DashboardRow Row, DashboardCell Cell) selected)
    {
        if (selected.Cell.State is "none" or "pending") return;
        var stage = _view!.Stages.First(s => s.Key == selected.Cell.StageKey);
        _drillCaption = $"{selected.Row.TownshipName} · {stage.Name} · {CockpitMatrix.CellText(selected.Cell)}";
        _drill = await Engine.RunAsync(sp => sp.GetRequiredService<CockpitQuery>().TasksAsync(
            User.ToActor(), _view.AsOf, selected.Row.TownshipCode, stage.Key, selected.Cell.State, null, Aborted));
    }

    private async Task ShowOverdueMonthAsync((int Series, int Month) bar)
    {
        var series = _view!.Charts.OverdueByMonth[bar.Series];
        var month = _view.Charts.Months[bar.Month];
        _drillCaption = $"{series.TownshipName} · {month} 到期后逾期的任务";
        _drill = await Engine.RunAsync(sp => sp.GetRequiredService<CockpitQuery>().TasksAsync(
            User.ToActor(), _view.AsOf, series.TownshipCode, null, null, month, Aborted));
        StateHasChanged();
    }
}
