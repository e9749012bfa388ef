using System.Globalization;
using MudBlazor;
using Shizhu.Host.Components.Pages.Workflows;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Subsidies;

namespace Shizhu.Host.Components.Pages.Subsidies;

/// <summary>
/// 补助台账: every instalment with its milestone and due day, and county finance's confirmation of its payment; totals
/// per township and per year. The engine decides who sees what (a township its own) and who confirms (county finance).
/// </summary>
public sealed partial class SubsidiesPage
{
    private SubsidyLedgerView? _ledger;
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private SubsidyInstalmentView? _confirming;
    private string? _paidOn;
    private string? _voucher;
    private int? _year;
    private bool _isFinance;
    private bool _busy;
    private string? _error;

    /// <summary>An amount as people read it: 400,000.00.</summary>
    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isFinance = User.IsInRole(Roles.CountyFinance);
        try
        {
            _ledger = await Engine.RunAsync(sp => sp.GetRequiredService<SubsidyLedger>().ReadAsync(User.ToActor(), null, _year, ct));
            _names = await DisplayNames.LookUpAsync(Engine, _ledger.Instalments.Select(l => l.ConfirmedBy), ct);
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task YearChangedAsync(int? year)
    {
        _year = year;
        await ReloadAsync();
    }

    private void StartConfirm(SubsidyInstalmentView line)
    {
        _confirming = line;
        _paidOn = ChinaTime.Today(Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _voucher = null;
    }

    private async Task ConfirmAsync()
    {
        _busy = true;
        try
        {
            await Engine.RunAsync(sp => sp.GetRequiredService<SubsidyPaymentConfirmation>()
                .ConfirmAsync(_confirming!.Id, new ConfirmSubsidyPayment(_paidOn, _voucher), User.ToActor(), null, Aborted));
            Snackbar.Add("已确认拨付", Severity.Success);
            _confirming = null;
            await ReloadAsync();
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
