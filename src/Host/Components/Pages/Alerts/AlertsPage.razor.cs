using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Components.Shared.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Components.Pages.Alerts;

/// <summary>
/// 预警: the alerts the user may see, newest first, a page at a time with filters read on the server (ADR 0035); the
/// filters live in the address, so a leader can send the filtered list as a link.
/// </summary>
public sealed partial class AlertsPage
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private List<AlertRow>? _rows;
    private string? _next;
    private AlertListFilter _filter = AlertListFilter.None;
    private bool _countyWide;
    private IReadOnlyList<(string Code, string Name)> _townships = [];
    private bool _busy;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "townshipCode")] private string? TownshipCode { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] private string? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "open")] private string? Open { get; set; }
    [SupplyParameterFromQuery(Name = "dueAfter")] private string? DueAfter { get; set; }
    [SupplyParameterFromQuery(Name = "dueBefore")] private string? DueBefore { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }

    // The address is the filter: a changed query string reads the first page again.
    protected override object? LoadKey => (TownshipCode, Kind, Open, DueAfter, DueBefore, Search);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _countyWide = User.ToActor().IsCountyWide;
        // The API's own reading of the parameters; a bad value in an edited link is dropped rather than shown as an error.
        var p = new ListParameters();
        _filter = new AlertListFilter(p.Text("townshipCode", TownshipCode, 12, ""), ListOptions.Member<AlertKind>(Kind), null,
            p.Flag("open", Open, ""), p.Instant("dueAfter", DueAfter, upperBound: false, ""), p.Instant("dueBefore", DueBefore, upperBound: true, ""),
            p.Text("q", Search, ListSearchField.MaxLength, ""));
        if (_countyWide && _townships.Count == 0) _townships = await ListOptions.TownshipsAsync(Engine, ct);
        var page = await ReadAsync(null, ct);
        _rows = [.. page.Rows];
        _next = page.Next;
    }

    private async Task<(IReadOnlyList<AlertRow> Rows, string? Next)> ReadAsync(string? cursor, CancellationToken ct)
    {
        var page = await Engine.RunAsync(sp => sp.GetRequiredService<AlertListQuery>()
            .PageAsync(User.ToActor(), _filter, new PageRequest(PageRequest.DefaultLimit, cursor, null), ct));
        var taskIds = page.Items.Select(a => a.TaskId).Distinct().ToList();
        var codes = page.Items.Select(a => a.TownshipCode).Distinct().ToList();
        // The page's tasks and townships in two bounded reads (≤ one page of ids each).
        var (tasks, townships) = await Engine.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDbContext>();
            var t = await db.Tasks.AsNoTracking().Where(x => taskIds.Contains(x.Id))
                .Select(x => new { x.Id, x.Title, x.DueAt, x.Status }).ToDictionaryAsync(x => x.Id, ct);
            var n = await db.Townships.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
            return (t, n);
        });
        return ([.. page.Items.Select(a =>
        {
            var task = tasks.GetValueOrDefault(a.TaskId);
            return new AlertRow(a, townships.GetValueOrDefault(a.TownshipCode) ?? a.TownshipCode, task?.Title ?? "—", task?.DueAt, task?.Status);
        })], page.NextCursor);
    }

    private Task FilterChangedAsync(AlertListFilter filter)
    {
        ListOptions.Navigate(Navigation, new Dictionary<string, object?>
        {
            ["townshipCode"] = filter.TownshipCode,
            ["kind"] = filter.Kind?.ToString(),
            ["open"] = filter.Open is { } open ? (open ? "true" : "false") : null,
            ["dueAfter"] = Day(filter.DueAfter),
            ["dueBefore"] = Day(filter.DueBefore),
            ["q"] = filter.Search,
        });
        return Task.CompletedTask;
    }

    private static string? Day(DateTimeOffset? at) => at?.ToOffset(China).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task MoreAsync()
    {
        _busy = true;
        try
        {
            var page = await ReadAsync(_next, Aborted);
            _rows?.AddRange(page.Rows.Where(r => _rows.All(known => known.Alert.Id != r.Alert.Id)));
            _next = page.Next;
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed record AlertRow(AlertView Alert, string TownshipName, string TaskTitle, DateTimeOffset? DueAt, UserTaskStatus? TaskStatus);
}
