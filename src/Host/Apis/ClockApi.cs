using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Clock;
using Shizhu.Host.Configuration;
using Shizhu.Host.Timers;

namespace Shizhu.Host.Apis;

/// <summary>The application clock; in simulated mode an administrator can move it forward.</summary>
public static class ClockApi
{
    public sealed record ClockDto(DateTimeOffset Now, string Mode);
    public sealed record AdvanceClockRequest(double? AdvanceDays, DateTimeOffset? To);
    public sealed record AdvanceClockResponse(DateTimeOffset Now, string Mode, int TimersFired);

    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clock", (TimeProvider clock, ClockState state) =>
            TypedResults.Ok(new ClockDto(clock.GetUtcNow(), ModeName(state.Mode)))).WithTags("Clock");
        app.MapPost("/api/admin/clock", AdvanceAsync).RequireAuthorization(Policies.CountyAdmin).WithTags("Clock");
        return app;
    }

    /// <summary>Moves simulated time forward and fires, once, every timer due by the new time.</summary>
    public static async Task<Results<Ok<AdvanceClockResponse>, ValidationProblem, ProblemHttpResult>> AdvanceAsync(
        AdvanceClockRequest request, ClockState state, TimeProvider clock, TimerJobs timers, CancellationToken ct)
    {
        if (state.Simulated is not { } simulated)
            return TypedResults.Problem("时钟不是模拟模式。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        if ((request.AdvanceDays is null) == (request.To is null))
            return Invalid("advanceDays", "请提供 advanceDays 或 to 其中之一。");
        if (request.AdvanceDays is { } days && days is not (> 0 and <= 3660))
            return Invalid("advanceDays", "advanceDays 必须大于 0 且不超过 3660。");
        var target = request.To ?? clock.GetUtcNow().AddDays(request.AdvanceDays!.Value);
        if (!SimulatedClockRange.Contains(target))
            return Invalid(request.To is null ? "advanceDays" : "to", SimulatedClockRange.Text);
        if (!simulated.AdvanceTo(target))
            return Invalid("to", "模拟时钟只能向前拨。");
        var fired = await timers.SweepAsync(ct);
        return TypedResults.Ok(new AdvanceClockResponse(clock.GetUtcNow(), ModeName(state.Mode), fired));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        Errors.Problems.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static string ModeName(ClockMode mode) => mode == ClockMode.Simulated ? "simulated" : "real";
}
