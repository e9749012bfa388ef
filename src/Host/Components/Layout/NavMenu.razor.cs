using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Components.Layout;

/// <summary>The navigation drawer; keeps the 待办, 预警 and 通知 badges current: on navigation and every 30 s, not per render.</summary>
public sealed partial class NavMenu : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _disposed = new();
    private ClaimsPrincipal _user = new();
    private bool _canSeeAlerts;
    private bool _isCountyAdmin;
    private bool _canEditCalendar;
    private bool _canSeeTargets;
    private bool _canSeeTitles;
    private bool _canSeeSubsidies;
    private bool _canSeeCockpit;
    private bool _canSeeBulletins;
    private MenuCounts _counts = MenuCounts.None;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<NavMenu> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _isCountyAdmin = _user.IsInRole(Roles.CountyAdmin);
        // The same roles StatutoryCalendarAdmin lets change the calendar.
        _canEditCalendar = _isCountyAdmin || _user.IsInRole(Roles.TemplateAdmin);
        _canSeeAlerts = _user.IsInRole(Roles.CountyAdmin) || _user.IsInRole(Roles.CountyLeader) || _user.IsInRole(Roles.TownshipLeader) || _user.IsInRole(Roles.CountySupervisor);
        // The same roles TargetSheet, TitlesHeld and SubsidyLedger let read (a township its own titles and subsidies).
        var isFinance = _user.IsInRole(Roles.CountyFinance);
        var countyWide = Roles.CountyWide.Any(_user.IsInRole);
        var inTownship = Roles.Township.Any(_user.IsInRole);
        _canSeeTargets = countyWide || isFinance;
        _canSeeTitles = countyWide || isFinance || inTownship;
        _canSeeSubsidies = _isCountyAdmin || _user.IsInRole(Roles.CountyLeader) || isFinance || inTownship;
        _canSeeCockpit = Shizhu.Workflows.Cockpit.CockpitQuery.Readers.Any(_user.IsInRole);
        // The same roles BulletinArchive lets read (townships: the published bulletins).
        _canSeeBulletins = _isCountyAdmin || _user.IsInRole(Roles.CountyLeader) || inTownship;
        Navigation.LocationChanged += OnLocationChanged;
        await RefreshAsync();
        _ = PollAsync(_disposed.Token);
    }

    /// <summary>Re-reads the badges' counts (three capped queries) and re-renders them.</summary>
    public async Task RefreshAsync()
    {
        if (_user.Identity?.IsAuthenticated != true || _disposed.IsCancellationRequested) return;
        _counts = await MenuCounts.ReadAsync(Engine, _user, _canSeeAlerts, _disposed.Token);
        await InvokeAsync(StateHasChanged);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await InvokeAsync(SafeRefreshAsync);
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(SafeRefreshAsync);

    // A badge that could not be refreshed must not break the circuit; the next refresh tries again.
    private async Task SafeRefreshAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (ObjectDisposedException)
        {
            // The Host is stopping while a circuit's timer still ticks: nothing to refresh, nothing to report.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Could not refresh the menu counts");
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
