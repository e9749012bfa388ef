using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Errors;
using Shizhu.Host.Identity;
using Shizhu.Notifications.Deliveries;

namespace Shizhu.Host.Apis;

/// <summary>
/// The delivery log of the external channels (投递记录) for the county office: every delivery with its attempts, and
/// the resend of dead letters or of deliveries waiting to retry (ADR 0030).
/// </summary>
public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deliveries").WithTags("Deliveries").RequireAuthorization(Policies.CountyAdmin);
        api.MapGet("/", ListAsync);
        api.MapPost("/resend", ResendAsync);
        return app;
    }

    /// <summary>Newest first; <c>from</c>/<c>to</c> are China calendar days (yyyy-MM-dd), inclusive; <c>recipient</c> a user name or address.</summary>
    public static async Task<Results<Ok<DeliveryPage>, ValidationProblem>> ListAsync(
        string? channel, string? status, string? from, string? to, string? page, string? pageSize, string? recipient,
        DeliveryQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ParseFilter(channel, status, from, to, page, pageSize, errors);
        if (recipient is { Length: > 320 })
            errors["recipient"] = ["接收人过长。"];
        if (filter is null || errors.Count > 0)
            return Problems.Invalid(errors);
        filter = filter with { Recipient = string.IsNullOrEmpty(recipient) ? null : recipient };
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<ResendAnswer>, ValidationProblem>> ResendAsync(
        ResendRequest request, ClaimsPrincipal user, DeliveryResender resender, CancellationToken ct)
    {
        if (request.Ids is not { Length: > 0 } ids)
            return Problems.Invalid(new Dictionary<string, string[]> { ["ids"] = ["请选择要重发的投递记录。"] });
        if (ids.Length > DeliveryResender.MaxPerRequest)
            return Problems.Invalid(new Dictionary<string, string[]> { ["ids"] = [$"一次最多重发{DeliveryResender.MaxPerRequest}条。"] });

        var result = await resender.ResendAsync(ids, user.ToActor().UserName, ct);
        return TypedResults.Ok(new ResendAnswer(result.Resent, [.. result.Refused.Select(r => new RefusedResend(r.Key, r.Value))]));
    }

    internal static DeliveryFilter? ParseFilter(
        string? channel, string? status, string? from, string? to, string? page, string? pageSize, Dictionary<string, string[]> errors)
    {
        DeliveryStatus? statusValue = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
                statusValue = parsed;
            else
                errors["status"] = [$"未知的投递状态“{status}”，可选：{string.Join("、", Enum.GetNames<DeliveryStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName))}。"];
        }

        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && t < f)
            errors["to"] = ["结束日期不能早于开始日期。"];
        var pageNumber = Number(page, "page", 1, 1, 100_000, errors);
        var size = Number(pageSize, "pageSize", 20, 1, DeliveryQueries.MaxPageSize, errors);
        if (channel is { Length: > 20 })
            errors["channel"] = ["渠道名称过长。"];

        return errors.Count > 0 ? null : new DeliveryFilter(string.IsNullOrEmpty(channel) ? null : channel, statusValue, fromDay, toDay, pageNumber, size);
    }

    static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[field] = ["日期格式应为 yyyy-MM-dd。"];
        return null;
    }

    static int Number(string? text, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [$"应为{min}到{max}之间的整数。"];
        return fallback;
    }
}

public sealed record ResendRequest(long[]? Ids);

public sealed record ResendAnswer(IReadOnlyList<long> Resent, IReadOnlyList<RefusedResend> Refused);

public sealed record RefusedResend(long Id, string Reason);
