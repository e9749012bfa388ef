using System.Text.RegularExpressions;

namespace Shizhu.Notifications.Outbound;

/// <summary>Mainland China mobile numbers (11 digits, 1 then 3–9): the only ones the SMS gateways and robots' mentions take.</summary>
public static partial class MobileNumbers
{
    public static bool IsMainland(string? mobile) => mobile is not null && Pattern().IsMatch(mobile);

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
