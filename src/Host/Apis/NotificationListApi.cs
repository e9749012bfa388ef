using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Apis.Lists;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Notifications.Lists;
using Shizhu.Persistence.Paging;

namespace Shizhu.Host.Apis;

/// <summary>
/// The notification list's handlers (ADR 0035), mapped in <see cref="AlertsApi"/>: a page newest first (<c>unread</c>,
/// <c>workflowId</c>, <c>limit</c>, <c>cursor</c>), the unread badge capped at 99+, and 已读 for one workflow's group.
/// </summary>
public static class NotificationListApi
{
    public const int UnreadCap = 99;

    public static async Task<Results<Ok<Page<NotificationView>>, ValidationProblem>> ListAsync(
        string? unread, string? workflowId, string? limit, string? cursor, string? sort, ClaimsPrincipal user,
        NotificationListQuery query, CancellationToken ct)
    {
        var p = new ListParameters();
        var page = p.Page(limit, cursor, sort, NotificationListQuery.Sorts);
        var filter = new NotificationListFilter(p.Flag("unread", unread, "只看未读") ?? false, p.Id("workflowId", workflowId, "创建工作流"));
        if (p.Errors.Count > 0) return Errors.Problems.Invalid(p.Errors);
        return TypedResults.Ok(await query.PageAsync(user.ToRecipient(), filter, page, ct));
    }

    public static async Task<Ok<ListCount>> UnreadCountAsync(ClaimsPrincipal user, NotificationListQuery query, CancellationToken ct) =>
        TypedResults.Ok(ListCount.Of(await query.UnreadCountAsync(user.ToRecipient(), UnreadCap + 1, ct), UnreadCap));

    /// <summary>Body <c>{workflowId}</c>: every notification of that workflow read for the caller; answers how many were marked.</summary>
    public static async Task<Results<Ok<MarkedRead>, ValidationProblem>> MarkWorkflowReadAsync(
        MarkWorkflowRead? request, ClaimsPrincipal user, NotificationGroupRead groups, CancellationToken ct)
    {
        if (request?.WorkflowId is not { } workflowId || workflowId == Guid.Empty)
            return Errors.Problems.Invalid(new Dictionary<string, string[]> { ["workflowId"] = ["请指定要标为已读的创建工作流（workflowId）。"] });
        return TypedResults.Ok(new MarkedRead(await groups.MarkWorkflowReadAsync(user.ToRecipient(), workflowId, ct)));
    }

    public sealed record MarkWorkflowRead(Guid? WorkflowId);

    public sealed record MarkedRead(int Marked);
}
