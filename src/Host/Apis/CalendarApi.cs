using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Calendar;

namespace Shizhu.Host.Apis;

/// <summary>China's statutory calendar (holidays and make-up working days), kept as data an administrator extends each year.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar");
        api.MapGet("/{year:int}", YearAsync);
        api.MapPut("/{year:int}", ReplaceAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<StatutoryDayEntry>>> YearAsync(int year, StatutoryCalendarAdmin calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.YearAsync(year, ct));

    /// <summary>
    /// Replaces the year's entries; new deadlines use them at once (deadlines already set keep their date). Takes an
    /// optional <c>Idempotency-Key</c> (ADR 0024).
    /// </summary>
    public static async Task<Ok<IReadOnlyList<StatutoryDayEntry>>> ReplaceAsync(
        int year, StatutoryDayEntry[] entries, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, StatutoryCalendarAdmin calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.ReplaceYearAsync(year, entries, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
