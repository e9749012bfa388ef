using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Townships;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Apis;

/// <summary>
/// Supervision (督办, ADR 0037): 催办 of a task or a township, 延期 of a task, alerts with their lifecycle and filters,
/// the townships' cards, urges and their counts, and each person's deadline feed. The task commands are mapped in
/// <see cref="TasksApi"/> (the task's routes stay in one place) and handled here.
/// </summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/townships/{code}/urge", UrgeTownshipAsync).RequireAuthorization(Policies.Urgers).WithTags("Supervision");
        var supervision = app.MapGroup("/api/supervision").WithTags("Supervision").RequireAuthorization(Policies.Leaders);
        supervision.MapGet("/alerts", AlertsAsync);
        supervision.MapGet("/cards", CardsAsync);
        supervision.MapGet("/urges", UrgesAsync);
        supervision.MapGet("/urge-counts", UrgeCountsAsync);
        app.MapGet("/api/me/calendar-feed", FeedStatusAsync).WithTags("Supervision");
        app.MapPost("/api/me/calendar-feed", RotateFeedAsync).WithTags("Supervision");
        // The feed is read by calendar apps, which carry no sign-in: the secret token in the URL is the credential.
        app.MapGet("/feeds/calendar/{token}", CalendarFeedApi.FeedAsync).AllowAnonymous().WithTags("Supervision");
        return app;
    }

    /// <summary>催办 of an open task; 429 with <c>nextAllowedAt</c> and Retry-After inside the minimum gap.</summary>
    public static async Task<Ok<UrgeView>> UrgeTaskAsync(
        Guid id, [FromBody] UrgeTask? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TaskUrging urging, CancellationToken ct) =>
        TypedResults.Ok(await urging.UrgeAsync(id, command ?? new UrgeTask(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>延期 of an open task by the county office: <c>{dueAt, reason}</c>.</summary>
    public static async Task<Ok<DeadlineExtensionView>> ExtendDeadlineAsync(
        Guid id, [FromBody] ExtendDeadline? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, DeadlineExtension extension, CancellationToken ct) =>
        TypedResults.Ok(await extension.ExtendAsync(id, command ?? new ExtendDeadline(null, null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    public static async Task<Ok<UrgeView>> UrgeTownshipAsync(
        string code, [FromBody] UrgeTownship? command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, TownshipUrging urging, CancellationToken ct) =>
        TypedResults.Ok(await urging.UrgeAsync(code, command ?? new UrgeTownship(null), user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>Alerts by township, level (<c>yellow</c>/<c>red</c>), stage, raised date (China) and state (<c>open</c>/<c>resolved</c>).</summary>
    public static async Task<Results<Ok<IReadOnlyList<SupervisedAlertView>>, ValidationProblem>> AlertsAsync(
        string? townshipCode, string? level, string? stage, string? from, string? to, string? state,
        ClaimsPrincipal user, SupervisionQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedLevel = ParseEnum<AlertLevel>(level, "level", "预警级别必须是 yellow（黄色）或 red（红色）。", errors);
        var parsedState = ParseEnum<AlertState>(state, "state", "状态必须是 open（未解除）或 resolved（已解除）。", errors);
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (fromDate is { } f && toDate is { } t && t < f) errors["to"] = ["结束日期不能早于开始日期。"];
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);
        var filter = new AlertFilter(Blank(townshipCode), parsedLevel, Blank(stage), fromDate, toDate, parsedState);
        return TypedResults.Ok(await queries.AlertsAsync(user.ToActor(), filter, ct));
    }

    public static async Task<Ok<IReadOnlyList<TownshipCardView>>> CardsAsync(ClaimsPrincipal user, SupervisionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.CardsAsync(user.ToActor(), ct));

    public static async Task<Ok<IReadOnlyList<Urge>>> UrgesAsync(string? townshipCode, ClaimsPrincipal user, SupervisionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.UrgesAsync(user.ToActor(), Blank(townshipCode), ct));

    public static async Task<Results<Ok<IReadOnlyList<TownshipUrgeCount>>, ValidationProblem>> UrgeCountsAsync(
        string? from, string? to, ClaimsPrincipal user, SupervisionQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (errors.Count > 0) return Errors.Problems.Invalid(errors);
        return TypedResults.Ok(await queries.UrgeCountsAsync(user.ToActor(), fromDate, toDate, ct));
    }

    /// <summary>Whether the caller has a feed URL (the URL itself is shown only when made).</summary>
    public static async Task<Ok<CalendarFeedStatus>> FeedStatusAsync(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(new CalendarFeedStatus(await feeds.ExistsAsync(user.ToActor().UserName, ct), null));

    /// <summary>A new secret feed URL for the caller; the previous one stops working.</summary>
    public static async Task<Ok<CalendarFeedStatus>> RotateFeedAsync(HttpRequest request, ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct)
    {
        var token = await feeds.RotateAsync(user.ToActor().UserName, ct);
        return TypedResults.Ok(new CalendarFeedStatus(true, $"{request.Scheme}://{request.Host}/feeds/calendar/{token}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TEnum? ParseEnum<TEnum>(string? value, string field, string message, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        errors[field] = [message];
        return null;
    }

    private static DateOnly? ParseDate(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = ["日期格式应为 yyyy-MM-dd。"];
        return null;
    }
}

/// <summary>The caller's feed: whether one exists, and its URL right after it was made (null otherwise).</summary>
public sealed record CalendarFeedStatus(bool Exists, string? Url);
