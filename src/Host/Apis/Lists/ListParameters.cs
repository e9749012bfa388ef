using System.Globalization;
using Shizhu.Persistence.Paging;

namespace Shizhu.Host.Apis.Lists;

/// <summary>
/// Reads the query parameters every list shares (ADR 0035) — <c>limit</c>, <c>cursor</c>, <c>sort</c> — and the
/// filters some lists take, collecting one Chinese reason per bad parameter under its name, so a list answers one
/// 400 ProblemDetails that names every bad parameter at once.
/// </summary>
internal sealed class ListParameters
{
    /// <summary>Dates without a time are China calendar days (UTC+8), as everywhere in the programme.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public Dictionary<string, string[]> Errors { get; } = [];

    public PageRequest Page(string? limit, string? cursor, string? sort, IReadOnlyList<string> sorts)
    {
        var size = PageRequest.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= PageRequest.MaxLimit))
        {
            Errors["limit"] = [$"每页条数（limit）应为 1 到 {PageRequest.MaxLimit} 之间的整数。"];
            size = PageRequest.DefaultLimit;
        }
        if (cursor is { Length: 0 }) cursor = null;
        if (!string.IsNullOrEmpty(sort) && !sorts.Contains(sort, StringComparer.Ordinal))
        {
            Errors["sort"] = [$"未知的排序方式（sort）“{Clip(sort)}”，可选：{string.Join("、", sorts)}。"];
            sort = null;
        }
        return new PageRequest(size, cursor, string.IsNullOrEmpty(sort) ? null : sort);
    }

    public string? Text(string name, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length <= maxLength) return value.Trim();
        Errors[name] = [$"{label}（{name}）不能超过 {maxLength} 个字符。"];
        return null;
    }

    public bool? Flag(string name, string? value, string label)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (bool.TryParse(value, out var flag)) return flag;
        Errors[name] = [$"{label}（{name}）应为 true 或 false。"];
        return null;
    }

    public Guid? Id(string name, string? value, string label)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Guid.TryParse(value, out var id)) return id;
        Errors[name] = [$"{label}（{name}）不是有效的编号。"];
        return null;
    }

    /// <summary>
    /// An instant with its offset (ISO 8601) or a China calendar day (yyyy-MM-dd): the day's start for a lower bound,
    /// its end for an upper bound, so <c>dueBefore=2024-06-30</c> includes the 30th.
    /// </summary>
    public DateTimeOffset? Instant(string name, string? value, bool upperBound, string label)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
            return upperBound ? start.AddDays(1).AddTicks(-1) : start;
        }
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            return at.ToUniversalTime();
        Errors[name] = [$"{label}（{name}）应为日期 yyyy-MM-dd 或带时区的时间（如 2024-06-30T17:00:00+08:00）。"];
        return null;
    }

    /// <summary>An enum member by its name (not its number), or a reason naming the choices.</summary>
    public TEnum? Member<TEnum>(string name, string? value, string label, IReadOnlyList<string> choices) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!int.TryParse(value, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var member)) return member;
        Errors[name] = [$"未知的{label}（{name}）“{Clip(value)}”，可选：{string.Join("、", choices)}。"];
        return null;
    }

    public void Range(string lowerName, DateTimeOffset? lower, string upperName, DateTimeOffset? upper)
    {
        if (lower is { } l && upper is { } u && u < l && !Errors.ContainsKey(upperName))
            Errors[upperName] = [$"{upperName} 不能早于 {lowerName}。"];
    }

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
