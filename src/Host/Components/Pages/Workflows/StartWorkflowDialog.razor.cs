using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Components.Shared;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>The 启动创建 dialog: validates what it can, and shows the engine's refusal on the field at fault.</summary>
public sealed partial class StartWorkflowDialog
{
    // One key for this dialog: a start that committed but whose answer was lost is not repeated by clicking again.
    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private List<Township>? _townships;
    private Dictionary<string, PlanEntry> _plan = [];
    private MudForm? _form;
    private string? _townshipCode;
    private string? _track;
    private int? _startYear;
    private int? _targetYear;
    private PlanEntry? _planned;
    private string? _errorField;
    private string? _error;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _startYear = ChinaTime.Today(Clock.GetUtcNow()).Year;
        (_townships, var plan) = await Engine.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDbContext>();
            return (await db.Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(),
                await db.PlanEntries.AsNoTracking().ToListAsync());
        });
        _plan = plan.GroupBy(p => p.TownshipCode).ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartYear).First());
    }

    private string PlanHint(string townshipCode) =>
        _plan.TryGetValue(townshipCode, out var entry) ? $"（行事历：{UiText.Track(entry.Track)} {UiText.Years(entry.StartYear, entry.TargetYear)}）" : "";

    private static readonly string[] Fields = ["townshipCode", "track", "startYear", "targetYear"];

    private string? TownshipName(string? code) => _townships?.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    private string? FieldError(string field) => _errorField == field ? _error : null;

    /// <summary>A refusal that is not about one of the dialog's fields (a conflict, a missing template).</summary>
    private string? GeneralError => Fields.Contains(_errorField) ? null : _error;

    private void OnTownshipChanged(string? code)
    {
        _townshipCode = code;
        _planned = code is not null && _plan.TryGetValue(code, out var entry) ? entry : null;
        if (_planned is { } plan)
        {
            _track = plan.Track;
            _startYear = plan.StartYear;
            _targetYear = plan.TargetYear;
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>The engine's own rule and words (<c>WorkflowStarter.ValidateAsync</c>), so the dialog refuses what it would.</summary>
    private static string? CheckStartYear(int? year) =>
        year is null or (>= 2000 and <= 2100) ? null : "创建起始年份必须在 2000—2100 之间。";

    private string? CheckTargetYear(int? year) =>
        year is { } target && _startYear is { } start && (target < start || target > start + 5) ? "目标年份不能早于起始年份，且最多晚 5 年。" : null;

    private async Task StartAsync()
    {
        if (_busy || _form is null) return;
        await _form.ValidateAsync();
        if (!_form.IsValid) return;

        _busy = true;
        (_error, _errorField) = (null, null);
        try
        {
            var workflow = await Engine.StartWorkflowAsync(User, new StartWorkflow(_townshipCode, _track, _startYear, _targetYear), _idempotencyKey, CancellationToken.None);
            Dialog.Close(DialogResult.Ok($"已启动{workflow.TownshipName}{UiText.Track(workflow.Track)}创建工作流（{UiText.Years(workflow.StartYear, workflow.TargetYear)}）。"));
        }
        catch (WorkflowException ex)
        {
            (_error, _errorField) = (ex.Message, ex.Field);
        }
        finally
        {
            _busy = false;
        }
    }
}
