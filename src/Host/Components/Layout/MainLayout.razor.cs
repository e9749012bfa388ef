using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Shizhu.Host.Identity;

namespace Shizhu.Host.Components.Layout;

/// <summary>
/// The frame of every signed-in page. It cascades itself (so pages can refresh the unread badge) and a clock
/// version that pages watch to reload after the simulated clock moves.
/// </summary>
public partial class MainLayout
{
    private bool _drawerOpen = true;
    /// <summary>On a phone: whether the folded clock/user/退出 panel is open.</summary>
    private bool _toolsOpen;
    private int _clockVersion;
    private string _displayName = "";
    private NavMenu? _nav;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // Messages appear bottom right, where they do not cover the app bar's buttons.
    protected override void OnInitialized() =>
        Snackbar.Configuration.PositionClass = Defaults.Classes.Position.BottomRight;

    protected override async Task OnParametersSetAsync() =>
        _displayName = (await AuthenticationState).User.DisplayName();

    /// <summary>Re-reads the unread-notification count shown in the navigation.</summary>
    public Task RefreshUnreadAsync() => _nav?.RefreshAsync() ?? Task.CompletedTask;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task OnClockAdvancedAsync()
    {
        _clockVersion++;
        await RefreshUnreadAsync();
    }
}
