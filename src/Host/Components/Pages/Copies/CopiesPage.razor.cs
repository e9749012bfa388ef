using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Copies;

namespace Shizhu.Host.Components.Pages.Copies;

/// <summary>抄送我的: the copies sent to the signed-in person, newest first, 20 at a time, each marked read on request.</summary>
public sealed partial class CopiesPage
{
    private const int PageSize = 20;
    private List<CopyView>? _items;
    private bool _more;
    private bool _busy;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var page = await ListAsync(null, ct);
        _items = [.. page];
        _more = page.Count == PageSize;
    }

    private async Task MoreAsync()
    {
        if (_items is not { Count: > 0 }) return;
        var page = await ListAsync(_items[^1].CreatedAt, Aborted);
        _items.AddRange(page);
        _more = page.Count == PageSize;
    }

    private Task<IReadOnlyList<CopyView>> ListAsync(DateTimeOffset? before, CancellationToken ct) =>
        Engine.RunAsync(sp => sp.GetRequiredService<TaskCopies>().ListAsync(User.ToActor(), PageSize, before, ct));

    private async Task MarkReadAsync(CopyView copy)
    {
        _busy = true;
        try
        {
            var read = await Engine.RunAsync(sp => sp.GetRequiredService<TaskCopies>().MarkReadAsync(copy.Id, User.ToActor(), null, Aborted));
            if (_items is not null) _items[_items.IndexOf(copy)] = read;
        }
        catch (WorkflowException ex)
        {
            Snackbar.Add(ex.Message, MudBlazor.Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
