using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Apis;

/// <summary>Overdue alerts for leaders and the county office; the caller's in-app notifications.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", AlertsAsync).RequireAuthorization(Policies.Leaders).WithTags("Alerts");
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");
        notifications.MapGet("/", NotificationsAsync);
        notifications.MapPost("/{id:guid}/read", MarkReadAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AlertView>>> AlertsAsync(
        string? townshipCode, ClaimsPrincipal user, WorkflowQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.AlertsAsync(user.ToActor(), townshipCode, ct));

    public static async Task<Ok<IReadOnlyList<NotificationView>>> NotificationsAsync(
        ClaimsPrincipal user, NotificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(user.ToRecipient(), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, NotificationQueries queries, CancellationToken ct) =>
        await queries.MarkReadAsync(id, user.ToRecipient(), ct) ? TypedResults.NoContent() : Errors.Problems.NotFound("通知不存在。");
}
