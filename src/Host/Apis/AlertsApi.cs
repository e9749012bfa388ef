using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Notifications;

namespace Shizhu.Host.Apis;

/// <summary>Overdue alerts for leaders and the county office; the caller's in-app notifications.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", AlertListApi.ListAsync).RequireAuthorization(Policies.Leaders).WithTags("Alerts");
        app.MapGet("/api/alerts/count", AlertListApi.CountAsync).RequireAuthorization(Policies.Leaders).WithTags("Alerts");
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");
        notifications.MapGet("/", NotificationListApi.ListAsync);
        notifications.MapGet("/unread-count", NotificationListApi.UnreadCountAsync);
        notifications.MapPost("/read", NotificationListApi.MarkWorkflowReadAsync);
        notifications.MapPost("/{id:guid}/read", MarkReadAsync);
        return app;
    }


    public static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, NotificationQueries queries, CancellationToken ct) =>
        await queries.MarkReadAsync(id, user.ToRecipient(), ct) ? TypedResults.NoContent() : Errors.Problems.NotFound("通知不存在。");
}
