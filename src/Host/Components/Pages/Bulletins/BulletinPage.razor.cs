using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Bulletins;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Components.Pages.Bulletins;

/// <summary>One bulletin: its preview, the county office's edit of foreword and conclusions, approval and publication.</summary>
public sealed partial class BulletinPage
{
    private BulletinView? _bulletin;
    private string? _foreword;
    private string? _conclusions;
    private bool _isCountyOffice;
    private bool _busy;
    private string? _error;

    [Parameter] public Guid Id { get; set; }

    protected override object? LoadKey => Id;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isCountyOffice = User.IsInRole(Roles.CountyAdmin);
        try
        {
            _bulletin = await Engine.RunAsync(sp => sp.GetRequiredService<BulletinArchive>().ReadAsync(User.ToActor(), Id, ct));
            (_foreword, _conclusions) = (_bulletin.Foreword, _bulletin.Conclusions);
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
        }
    }

    private Task SaveAsync() => RunAsync(office => office.EditAsync(Id, new EditBulletin(_foreword, _conclusions), User.ToActor(), null, Aborted), "已保存");

    private Task ApproveAsync() => RunAsync(office => office.ApproveAsync(Id, User.ToActor(), null, Aborted), "已审核通过");

    private Task PublishAsync() => RunAsync(office => office.PublishAsync(Id, User.ToActor(), null, Aborted), "已发布并通知各乡镇");

    private async Task RunAsync(Func<BulletinOffice, Task<BulletinView>> step, string done)
    {
        _busy = true;
        try
        {
            _bulletin = await Engine.RunAsync(sp => step(sp.GetRequiredService<BulletinOffice>()));
            (_foreword, _conclusions) = (_bulletin.Foreword, _bulletin.Conclusions);
            Snackbar.Add(done, Severity.Success);
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
