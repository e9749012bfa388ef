using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Layout;
using Shizhu.Notifications;

namespace Shizhu.Host.Components.Pages.Notifications;

/// <summary>通知: the user's in-app notifications, unread ones highlighted.</summary>
public sealed partial class NotificationsPage
{
    private IReadOnlyList<NotificationView>? _items;
    private bool _busy;

    [CascadingParameter] private MainLayout? Layout { get; set; }

    private int UnreadCount => _items?.Count(n => !n.Read) ?? 0;

    protected override async Task LoadAsync(CancellationToken ct) =>
        _items = await Engine.NotificationsAsync(User, ct);

    private Task MarkReadAsync(NotificationView item) => MarkAsync([item]);

    private Task MarkAllReadAsync() => MarkAsync([.. _items?.Where(n => !n.Read) ?? []]);

    private async Task MarkAsync(IReadOnlyList<NotificationView> items)
    {
        _busy = true;
        try
        {
            foreach (var item in items)
                if (!await Engine.MarkReadAsync(User, item.Id, Aborted))
                    Snackbar.Add("通知不存在。", Severity.Warning);
            await ReloadAsync();
            if (Layout is not null) await Layout.RefreshUnreadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
