using System.Globalization;

namespace Shizhu.Persistence.Paging;

/// <summary>How sort-key values travel inside a cursor: instants as UTC ticks, ids as 32 hex digits, numbers invariant.</summary>
public static class CursorValues
{
    public static string? Of(DateTimeOffset? at) => at?.UtcTicks.ToString(CultureInfo.InvariantCulture);
    public static string Of(Guid id) => id.ToString("N");
    public static string Of(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset? Instant(string? value) =>
        value is null ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : throw CursorCodec.Invalid();

    public static Guid Id(string? value) => Guid.TryParseExact(value, "N", out var id) ? id : throw CursorCodec.Invalid();

    public static long Number(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw CursorCodec.Invalid();

    public static string Text(string? value) => value ?? throw CursorCodec.Invalid();
}
