using System.Globalization;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

/// <summary>The filter values a cursor is bound to, as one invariant string (nulls and empty strings kept apart).</summary>
internal static class ListFingerprint
{
    public static string Of(params object?[] values) => string.Join('\u001f', values.Select(v => v switch
    {
        null => "\u2400",
        DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));
}
