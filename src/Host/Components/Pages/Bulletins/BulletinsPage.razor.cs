using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Bulletins;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Components.Pages.Bulletins;

/// <summary>督查通报: the archive (townships: the published ones), generating a month's draft, the annual assessment sheet's files.</summary>
public sealed partial class BulletinsPage
{
    private IReadOnlyList<BulletinSummary>? _list;
    private bool _isCountyOffice;
    private bool _canAssess;
    private bool _busy;
    private int _year;
    private int _month;
    private string? _error;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<int> Years => Enumerable.Range(2022, Math.Max(2026, ChinaTime.Today(Clock.GetUtcNow()).Year) - 2022 + 1);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isCountyOffice = User.IsInRole(Roles.CountyAdmin);
        _canAssess = _isCountyOffice || User.IsInRole(Roles.CountyLeader);
        var today = ChinaTime.Today(Clock.GetUtcNow());
        (_year, _month) = _year == 0 ? (today.Year, today.Month) : (_year, _month);
        try
        {
            _list = await Engine.RunAsync(sp => sp.GetRequiredService<BulletinArchive>().ListAsync(User.ToActor(), null, ct));
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task GenerateAsync()
    {
        _busy = true;
        try
        {
            var bulletin = await Engine.RunAsync(sp => sp.GetRequiredService<BulletinOffice>()
                .GenerateAsync(new GenerateBulletin(_year, _month), User.ToActor(), null, Aborted));
            Navigation.NavigateTo($"bulletins/{bulletin.Id}");
        }
        catch (WorkflowException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
