using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shizhu.Host.Components.Shared.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// 创建工作流: the creation workflows the user may see, a page at a time with filters and a sort read on the server
/// (ADR 0035); the filters live in the address (a leader can send the link). The county office starts new ones here.
/// </summary>
public sealed partial class WorkflowListPage
{
    private List<WorkflowRow>? _rows;
    private string? _next;
    private WorkflowListFilter _filter = WorkflowListFilter.None;
    private string _sort = WorkflowListQuery.Township;
    private bool _isCountyAdmin;
    private bool _countyWide;
    private IReadOnlyList<(string Code, string Name)> _townships = [];
    private IReadOnlyList<(string Key, string Name)> _stages = [];
    private bool _busy;

    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "townshipCode")] private string? TownshipCode { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "stageKey")] private string? StageKey { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] private string? Sort { get; set; }

    // The address is the filter: a changed query string reads the first page again.
    protected override object? LoadKey => (TownshipCode, Status, StageKey, Search, Sort);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        _isCountyAdmin = User.IsInRole(Roles.CountyAdmin);
        _countyWide = actor.IsCountyWide || actor.DepartmentCode is not null;
        _filter = new WorkflowListFilter(Clip(TownshipCode, 12), ListOptions.Member<WorkflowStatus>(Status), Clip(StageKey, 60), null,
            Clip(Search, ListSearchField.MaxLength));
        _sort = WorkflowListQuery.Sorts.Contains(Sort) ? Sort! : WorkflowListQuery.Township;
        if (_countyWide && _townships.Count == 0) _townships = await ListOptions.TownshipsAsync(Engine, ct);
        if (_stages.Count == 0) _stages = await ListOptions.StagesAsync(Engine, ct);
        var page = await ReadAsync(null, ct);
        _rows = [.. page.Rows];
        _next = page.Next;
    }

    private async Task<(IReadOnlyList<WorkflowRow> Rows, string? Next)> ReadAsync(string? cursor, CancellationToken ct)
    {
        var page = await Engine.RunAsync(sp => sp.GetRequiredService<WorkflowListQuery>()
            .PageAsync(User.ToActor(), _filter, new PageRequest(PageRequest.DefaultLimit, cursor, _sort), ct));
        var ids = page.Items.Select(w => w.Id).ToList();
        // The summary names only the current stage's key: read the page's names in one query.
        var stages = await Engine.RunAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Stages.AsNoTracking()
            .Where(s => ids.Contains(s.WorkflowId)).Select(s => new { s.WorkflowId, s.Key, s.Name }).ToListAsync(ct));
        var names = stages.ToDictionary(s => (s.WorkflowId, s.Key), s => s.Name);
        return ([.. page.Items.Select(w => new WorkflowRow(w,
            w.CurrentStageKey is { } key && names.TryGetValue((w.Id, key), out var name) ? name : "—"))], page.NextCursor);
    }

    private Task FilterChangedAsync((WorkflowListFilter Filter, string Sort) change)
    {
        ListOptions.Navigate(Navigation, new Dictionary<string, object?>
        {
            ["townshipCode"] = change.Filter.TownshipCode,
            ["status"] = change.Filter.Status?.ToString().ToLowerInvariant(),
            ["stageKey"] = change.Filter.StageKey,
            ["q"] = change.Filter.Search,
            ["sort"] = change.Sort == WorkflowListQuery.Township ? null : change.Sort,
        });
        return Task.CompletedTask;
    }

    private async Task MoreAsync()
    {
        _busy = true;
        try
        {
            var page = await ReadAsync(_next, Aborted);
            _rows?.AddRange(page.Rows.Where(r => _rows.All(known => known.Summary.Id != r.Summary.Id)));
            _next = page.Next;
        }
        finally
        {
            _busy = false;
        }
    }

    private static string? Clip(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, max)];

    private async Task StartOneAsync()
    {
        var dialog = await Dialogs.ShowAsync<StartWorkflowDialog>("启动创建",
            new DialogParameters<StartWorkflowDialog> { { d => d.User, User } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task StartPlannedAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("按行事历全部启动",
            "将为行事历中尚未进行的每个乡镇启动创建工作流，已在进行中的将跳过。是否继续？",
            yesText: "全部启动", cancelText: "取消");
        if (confirmed != true) return;

        _busy = true;
        try
        {
            var result = await PlanStarter.StartAllAsync(Engine, User, Aborted);
            var message = $"按行事历启动了 {result.Started} 个创建工作流，跳过 {result.Skipped} 个（已在进行中）。";
            Snackbar.Add(message, result.Started > 0 ? Severity.Success : Severity.Info);
            foreach (var error in result.Errors) Snackbar.Add(error, Severity.Error);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}

/// <summary>A line of the list: the engine's summary and the name of its current stage.</summary>
public sealed record WorkflowRow(WorkflowSummary Summary, string StageName);
