using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shizhu.Host.Apis;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Components.Layout;
using Shizhu.Host.Components.Shared;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Notifications.Lists;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Components.Pages.Notifications;

/// <summary>
/// 通知: the user's in-app notifications a page at a time (加载更多), grouped by workflow with 本组标为已读 per group,
/// unread ones highlighted, an unread-only switch; the unread figure is the badge's capped count (ADR 0035).
/// </summary>
public sealed partial class NotificationsPage
{
    private List<NotificationView>? _items;
    private string? _next;
    private ListCount? _unread;
    private bool _unreadOnly;
    private bool _busy;
    private Dictionary<Guid, string> _workflowNames = [];

    [CascadingParameter] private MainLayout? Layout { get; set; }

    /// <summary>The loaded rows by workflow, newest group first; rows without a workflow form one group of their own.</summary>
    private IEnumerable<IGrouping<Guid?, NotificationView>> Groups => (_items ?? []).GroupBy(n => n.WorkflowId);

    private string GroupTitle(IGrouping<Guid?, NotificationView> group) =>
        group.Key is { } id ? _workflowNames.GetValueOrDefault(id, "创建工作流") : "其他通知";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var page = await ReadAsync(null, ct);
        _items = [.. page.Items];
        _next = page.NextCursor;
        await NameWorkflowsAsync(ct);
        _unread = await Engine.RunAsync(async sp =>
            ListCount.Of(await sp.GetRequiredService<NotificationListQuery>().UnreadCountAsync(User.ToRecipient(), NotificationListApi.UnreadCap + 1, ct),
                NotificationListApi.UnreadCap));
    }

    private Task<Page<NotificationView>> ReadAsync(string? cursor, CancellationToken ct) =>
        Engine.RunAsync(sp => sp.GetRequiredService<NotificationListQuery>()
            .PageAsync(User.ToRecipient(), new NotificationListFilter(_unreadOnly), new PageRequest(PageRequest.DefaultLimit, cursor), ct));

    /// <summary>A group's heading: the township and the workflow's year, e.g. "石家乡 2022年 市级卫生乡镇创建".</summary>
    private async Task NameWorkflowsAsync(CancellationToken ct)
    {
        var ids = (_items ?? []).Select(n => n.WorkflowId).OfType<Guid>().Where(id => !_workflowNames.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0) return;
        var names = await Engine.RunAsync(async sp => await sp.GetRequiredService<WorkflowDbContext>().Workflows.AsNoTracking()
            .Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.TownshipName, w.StartYear, w.TargetYear, w.Track }).ToListAsync(ct));
        foreach (var w in names)
            _workflowNames[w.Id] = $"{w.TownshipName} {UiText.Years(w.StartYear, w.TargetYear)} {UiText.Track(w.Track)}";
    }

    private async Task UnreadOnlyAsync(bool only)
    {
        _unreadOnly = only;
        await ReloadAsync();
    }

    private async Task MoreAsync()
    {
        _busy = true;
        try
        {
            var page = await ReadAsync(_next, Aborted);
            _items?.AddRange(page.Items.Where(n => _items.All(known => known.Id != n.Id)));
            _next = page.NextCursor;
            await NameWorkflowsAsync(Aborted);
        }
        finally
        {
            _busy = false;
        }
    }

    private Task MarkReadAsync(NotificationView item) =>
        ChangeAsync(async () =>
        {
            if (!await Engine.MarkReadAsync(User, item.Id, Aborted)) Snackbar.Add("通知不存在。", Severity.Warning);
        });

    private Task MarkGroupReadAsync(Guid workflowId) =>
        ChangeAsync(() => Engine.RunAsync(sp => sp.GetRequiredService<NotificationGroupRead>().MarkWorkflowReadAsync(User.ToRecipient(), workflowId, Aborted)));

    private async Task ChangeAsync(Func<Task> change)
    {
        _busy = true;
        try
        {
            await change();
            await ReloadAsync();
            if (Layout is not null) await Layout.RefreshUnreadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
