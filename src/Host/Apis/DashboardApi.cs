using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Cockpit;

namespace Shizhu.Host.Apis;

/// <summary>The supervision cockpit (督办驾驶舱): townships × stages, progress, timeline and charts, and the tasks behind them.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("Dashboard")
            .RequireAuthorization(p => p.RequireRole(CockpitQuery.Readers));
        api.MapGet("/", ReadAsync);
        api.MapGet("/tasks", TasksAsync);
        return app;
    }

    /// <summary><c>?asOf=</c> (default now; not later): the matrix, progress, the plan's calendar against the actual stage dates, the charts.</summary>
    public static async Task<Ok<DashboardView>> ReadAsync(DateTimeOffset? asOf, ClaimsPrincipal user, CockpitQuery cockpit, CancellationToken ct) =>
        TypedResults.Ok(await cockpit.ReadAsync(user.ToActor(), asOf, ct));

    /// <summary>
    /// <c>?townshipCode=&amp;stageKey=&amp;state=done|current|dueSoon|overdue&amp;month=yyyy-MM&amp;asOf=</c>: the tasks behind a
    /// cell of the matrix or a bar of the overdue chart.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<DashboardTask>>> TasksAsync(
        DateTimeOffset? asOf, string? townshipCode, string? stageKey, string? state, string? month,
        ClaimsPrincipal user, CockpitQuery cockpit, CancellationToken ct) =>
        TypedResults.Ok(await cockpit.TasksAsync(user.ToActor(), asOf, Blank(townshipCode), Blank(stageKey), Blank(state), Blank(month), ct));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
