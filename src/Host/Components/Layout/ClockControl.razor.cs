using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Shizhu.Host.Clock;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Components.Shared;
using Shizhu.Host.Configuration;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;

namespace Shizhu.Host.Components.Layout;

/// <summary>
/// Shows the application time (China time) and, for the county office in simulated mode, moves it forward and
/// then fires every timer that fell due, the same two steps as <c>POST /api/admin/clock</c>.
/// </summary>
public sealed partial class ClockControl : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeOnly WorkdayStart = new(9, 0);
    private readonly CancellationTokenSource _disposed = new();
    private DateTimeOffset _now;
    private bool _simulated;
    private bool _canAdvance;
    private bool _advancing;
    private MudMenu? _menu;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ClockState ClockState { get; set; } = default!;
    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Raised after the clock moved and the timers were swept.</summary>
    [Parameter] public EventCallback OnAdvanced { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _simulated = ClockState.Mode == ClockMode.Simulated && ClockState.Simulated is not null;
        _canAdvance = _simulated && user.IsInRole(Roles.CountyAdmin);
        _now = Clock.GetUtcNow();
        _ = TickAsync(_disposed.Token);
    }

    private async Task TickAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await InvokeAsync(() => { _now = Clock.GetUtcNow(); StateHasChanged(); });
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    private Task AdvanceDaysAsync(int days) => AdvanceToAsync(Clock.GetUtcNow().AddDays(days));

    private async Task PickDateAsync()
    {
        await CloseMenuAsync(); // the menu would otherwise stay open behind the dialog
        var today = ChinaTime.Today(Clock.GetUtcNow());
        var parameters = new DialogParameters<AdvanceClockDialog> { { d => d.MinDate, today.AddDays(1) } };
        var dialog = await Dialogs.ShowAsync<AdvanceClockDialog>("拨至指定日期", parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: DateOnly day })
            await AdvanceToAsync(ChinaTime.At(day, WorkdayStart));
    }

    private async Task AdvanceToAsync(DateTimeOffset target)
    {
        if (!_canAdvance || _advancing || ClockState.Simulated is not { } simulated) return;
        await CloseMenuAsync();
        _advancing = true;
        try
        {
            if (!simulated.AdvanceTo(target))
            {
                Snackbar.Add("模拟时钟只能向前拨。", Severity.Warning);
                return;
            }
            var fired = await Engine.SweepTimersAsync(_disposed.Token);
            _now = Clock.GetUtcNow();
            Snackbar.Add($"时钟已拨至 {UiText.Time(_now)}，触发了 {fired} 个定时器。", Severity.Success);
            await OnAdvanced.InvokeAsync();
        }
        finally
        {
            _advancing = false;
        }
    }

    private Task CloseMenuAsync() => _menu?.CloseMenuAsync() ?? Task.CompletedTask;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
