using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Shizhu.Host.Components.Services;

namespace Shizhu.Host.Components.Shared;

/// <summary>
/// What every signed-in page shares: the user, the engine gateway, a snackbar, the clock, a cancellation token
/// that ends with the page, and one <see cref="LoadAsync"/> that runs again whenever the application clock is moved.
/// </summary>
public abstract class AppPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private (int, object?)? _loadedFor;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Bumped by the layout each time the simulated clock is moved forward.</summary>
    [CascadingParameter(Name = AppCascade.ClockVersion)] private int ClockVersion { get; set; }

    [Inject] protected EngineGateway Engine { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();
    protected bool Loading { get; private set; }
    protected CancellationToken Aborted => _disposed.Token;

    /// <summary>A page whose data depends on a route parameter returns it here, so a new value reloads.</summary>
    protected virtual object? LoadKey => null;

    protected abstract Task LoadAsync(CancellationToken ct);

    protected override async Task OnParametersSetAsync()
    {
        User = (await AuthenticationState).User;
        var key = (ClockVersion, LoadKey);
        if (_loadedFor is { } loaded && Equals(loaded, key)) return;
        _loadedFor = key;
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        Loading = true;
        try
        {
            await LoadAsync(Aborted);
        }
        finally
        {
            Loading = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
