using Microsoft.AspNetCore.Components;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Targets;

namespace Shizhu.Host.Components.Pages.Targets;

/// <summary>目标: the county's target sheet at the end of a chosen year, the same computation as <c>GET /api/targets</c>.</summary>
public sealed partial class TargetsPage
{
    private TargetSheetView? _sheet;
    private int _year;

    [SupplyParameterFromQuery(Name = "year")] private int? Year { get; set; }

    /// <summary>The plan's years, and this year if later.</summary>
    private IEnumerable<int> Years => Enumerable.Range(2022, Math.Max(2026, ThisYear) - 2022 + 1);

    private int ThisYear => ChinaTime.Today(Clock.GetUtcNow()).Year;

    protected override object? LoadKey => Year;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _year = Year ?? ThisYear;
        _sheet = await Engine.RunAsync(sp => sp.GetRequiredService<TargetSheet>().ReadAsync(User.ToActor(), _year, ct));
    }

    private async Task YearChangedAsync(int year)
    {
        Year = year;
        await ReloadAsync();
    }

    private static string TargetValue(TargetLine line) =>
        line.Kind == PlanTarget.ShareKind ? $"{line.Value:P0} {Tracks.DisplayName(line.Title)}标准" : $"{line.Value:0} 个";

    private static string Units(TargetLine line) => line.Townships.Count == 0 ? "—"
        : string.Join("、", line.Townships.Select(u => $"{u.TownshipName}（{u.Year}，{(u.Source == TitleView.WorkflowSource ? "工作流" : "登记")}）"));

    private static MudBlazor.Color StatusColor(string status) => status switch
    {
        TargetLine.Met => MudBlazor.Color.Success,
        TargetLine.OnTrack => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Error,
    };
}
