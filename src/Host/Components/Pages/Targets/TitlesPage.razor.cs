using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shizhu.Host.Components.Pages.Workflows;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Targets;

namespace Shizhu.Host.Components.Pages.Targets;

/// <summary>
/// 已获命名: titles units hold, recorded by the county office or yielded by a workflow's naming (shown as such and not
/// editable here: the workflow is their record). The county office records, corrects and revokes, through the engine's commands.
/// </summary>
public sealed partial class TitlesPage
{
    private IReadOnlyList<TitleView>? _titles;
    private IReadOnlyList<Township> _townships = [];
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private TitleForm _form = new();
    private TitleView? _editing;
    private bool _isCountyOffice;
    private bool _busy;
    private string? _error;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isCountyOffice = User.IsInRole(Roles.CountyAdmin);
        try
        {
            _titles = await Engine.RunAsync(sp => sp.GetRequiredService<TitlesHeld>().ListAsync(User.ToActor(), ct));
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
            return;
        }
        _townships = await Engine.RunAsync(async sp =>
            (IReadOnlyList<Township>)await sp.GetRequiredService<WorkflowDbContext>().Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct));
        _names = await DisplayNames.LookUpAsync(Engine, _titles.Select(t => t.RecordedBy), ct);
    }

    private Task RecordAsync() => RunAsync(register => register.RecordAsync(
        new RecordTitle(_form.TownshipCode, _form.Title, _form.Year, _form.DocumentNumber), User.ToActor(), null, Aborted), "已登记");

    private Task EditAsync() => RunAsync(register => register.EditAsync(
        _editing!.Id!.Value, new EditTitle(_form.Year, _form.DocumentNumber, _form.Reason), User.ToActor(), null, Aborted), "已修改");

    private Task RevokeAsync() => RunAsync(register => register.RevokeAsync(
        _editing!.Id!.Value, new RevokeTitle(_form.Reason), User.ToActor(), null, Aborted), "已撤销");

    private void StartEdit(TitleView title)
    {
        _editing = title;
        _form = new TitleForm { Year = title.Year, DocumentNumber = title.DocumentNumber };
    }

    private void CancelEdit()
    {
        _editing = null;
        _form = new TitleForm();
    }

    private async Task RunAsync(Func<TitleRegister, Task<TitleView>> command, string done)
    {
        _busy = true;
        try
        {
            await Engine.RunAsync(sp => command(sp.GetRequiredService<TitleRegister>()));
            Snackbar.Add(done, Severity.Success);
            CancelEdit();
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

    private sealed class TitleForm
    {
        public string? TownshipCode { get; set; }
        public string? Title { get; set; } = Tracks.Municipal;
        public int? Year { get; set; }
        public string? DocumentNumber { get; set; }
        public string? Reason { get; set; }
    }
}
