using Microsoft.AspNetCore.Components;
using Shizhu.Host.Apis;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Components.Shared.Lists;
using Shizhu.Host.Identity;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Components.Pages.Inbox;

/// <summary>
/// 我的待办: the signed-in person's actionable tasks, a page at a time with filters and a sort read on the server
/// (ADR 0035); each opened on its task page (/tasks/{id}) to be done there.
/// </summary>
public sealed partial class InboxPage
{
    private List<InboxItem>? _items;
    private string? _next;
    private ListCount? _count;
    private InboxFilter _filter = InboxFilter.None;
    private string _sort = InboxQuery.Due;
    private bool _countyWide;
    private IReadOnlyList<(string Code, string Name)> _townships = [];
    private DateTimeOffset _now;
    private bool _busy;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        var actor = User.ToActor();
        _countyWide = actor.IsCountyWide || actor.DepartmentCode is not null;
        if (_countyWide && _townships.Count == 0) _townships = await ListOptions.TownshipsAsync(Engine, ct);
        var page = await ReadAsync(null, ct);
        _items = [.. page.Items];
        _next = page.NextCursor;
        _count = await Engine.RunAsync(async sp =>
            ListCount.Of(await sp.GetRequiredService<InboxQuery>().CountAsync(actor, _filter, InboxApi.CountCap + 1, ct), InboxApi.CountCap));
    }

    private Task<Page<InboxItem>> ReadAsync(string? cursor, CancellationToken ct) =>
        Engine.RunAsync(sp => sp.GetRequiredService<InboxQuery>().PageAsync(User.ToActor(), _filter, new PageRequest(PageRequest.DefaultLimit, cursor, _sort), ct));

    private async Task FilterChangedAsync((InboxFilter Filter, string Sort) change)
    {
        (_filter, _sort) = change;
        await ReloadAsync();
    }

    private async Task MoreAsync()
    {
        _busy = true;
        try
        {
            var page = await ReadAsync(_next, Aborted);
            _items?.AddRange(page.Items.Where(i => _items.All(known => known.Id != i.Id)));
            _next = page.NextCursor;
        }
        finally
        {
            _busy = false;
        }
    }
}
