using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>创建工作流: every creation workflow the user may see; the county office starts new ones here.</summary>
public sealed partial class WorkflowListPage
{
    private List<WorkflowRow>? _rows;
    private bool _isCountyAdmin;
    private bool _busy;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isCountyAdmin = User.IsInRole(Roles.CountyAdmin);
        var workflows = await Engine.WorkflowsAsync(User, ct);
        var ids = workflows.Select(w => w.Id).ToList();
        // ListAsync names only the current stage's key: read the names in one query.
        var stages = await Engine.RunAsync(sp => sp.GetRequiredService<WorkflowDbContext>().Stages.AsNoTracking()
            .Where(s => ids.Contains(s.WorkflowId)).Select(s => new { s.WorkflowId, s.Key, s.Name }).ToListAsync(ct));
        var names = stages.ToDictionary(s => (s.WorkflowId, s.Key), s => s.Name);
        _rows = [.. workflows.Select(w => new WorkflowRow(w,
            w.CurrentStageKey is { } key && names.TryGetValue((w.Id, key), out var name) ? name : "—"))];
    }

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
