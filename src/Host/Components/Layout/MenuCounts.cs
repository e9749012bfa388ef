using System.Security.Claims;
using Shizhu.Host.Apis;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Identity;
using Shizhu.Notifications.Lists;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Host.Components.Layout;

/// <summary>
/// The menu's badges: 待办 (open tasks the person may act on), 预警 (unresolved alerts they may see) and 通知 (unread
/// notifications), each counted with the list API's own capped query (ADR 0035), so a badge reads "999+" or "99+" after an
/// index walk bounded by the cap instead of counting a county's rows. Null: the person does not see that list.
/// </summary>
public sealed record MenuCounts(ListCount? Inbox, ListCount? Alerts, ListCount Unread)
{
    /// <summary>The notifications badge's cap, as <c>GET /api/notifications/unread-count</c>.</summary>
    public const int UnreadCap = NotificationListApi.UnreadCap;

    public static readonly MenuCounts None = new(null, null, new ListCount(0, false, UnreadCap));

    public static Task<MenuCounts> ReadAsync(EngineGateway engine, ClaimsPrincipal user, bool alerts, CancellationToken ct) =>
        engine.RunAsync(async sp =>
        {
            var actor = user.ToActor();
            var inbox = ListCount.Of(await sp.GetRequiredService<InboxQuery>().CountAsync(actor, InboxFilter.None, InboxApi.CountCap + 1, ct), InboxApi.CountCap);
            var open = alerts
                ? ListCount.Of(await sp.GetRequiredService<AlertListQuery>().CountAsync(actor, AlertListFilter.Unresolved, AlertListApi.CountCap + 1, ct), AlertListApi.CountCap)
                : null;
            var unread = ListCount.Of(await sp.GetRequiredService<NotificationListQuery>().UnreadCountAsync(user.ToRecipient(), UnreadCap + 1, ct), UnreadCap);
            return new MenuCounts(inbox, open, unread);
        });

    /// <summary>A badge's text: the figure, or "99+" / "999+" at the cap.</summary>
    public static string Text(ListCount count) => count.More ? $"{count.Cap}+" : count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
