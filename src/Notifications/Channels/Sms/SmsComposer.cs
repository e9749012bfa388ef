using System.Globalization;
using System.Text.RegularExpressions;
using Shizhu.Notifications.Audiences;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>
/// Fills an approved template's variables from a message's facts and keeps the SMS within its segments: 70 characters
/// (sign name included) for a single message, 67 for each part of a long one. When the text would need more than the
/// allowed segments, the subject (the task's title, the longest and least essential variable) is shortened first,
/// then the person's name; gateways also cap each variable, at 35 characters for Alibaba Cloud.
/// </summary>
public static partial class SmsComposer
{
    public const int SingleSegment = 70;
    public const int PartSegment = 67;
    public const int MaxVariableLength = 35;
    const string Missing = "—";

    public static int Segments(string text) => text.Length <= SingleSegment ? 1 : (text.Length + PartSegment - 1) / PartSegment;

    /// <summary>The parameters the template uses, in its order, and the full text the person will read.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> Parameters, string Text) Compose(
        SmsTemplate template, string signName, MessageFacts? facts, int maxSegments)
    {
        var names = Variable().Matches(template.Text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var values = names.ToDictionary(n => n, n => Clip(ValueOf(n, facts), MaxVariableLength));
        foreach (var shortened in new[] { "subject", "person" })
        {
            while (values.TryGetValue(shortened, out var value) && value.Length > 4
                   && Segments(Render(template.Text, signName, values)) > maxSegments)
                values[shortened] = Clip(value, value.Length - 1);
        }
        return (names.Select(n => KeyValuePair.Create(n, values[n])).ToList(), Render(template.Text, signName, values));
    }

    static string Render(string text, string signName, Dictionary<string, string> values) =>
        $"【{signName}】" + Variable().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    static string ValueOf(string name, MessageFacts? facts) => name switch
    {
        "township" => facts?.TownshipName,
        "subject" => facts?.Subject,
        "person" => facts?.Person,
        "outcome" => facts?.Outcome,
        // Beijing wall-clock time, short: 5月31日23:59.
        "time" => facts?.At?.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日HH:mm", CultureInfo.InvariantCulture),
        _ => null,
    } is { Length: > 0 } value ? value : Missing;

    /// <summary>At most <paramref name="length"/> characters, the last an ellipsis when cut.</summary>
    static string Clip(string value, int length) =>
        value.Length <= length ? value : value[..Math.Max(0, length - 1)] + "…";

    [GeneratedRegex(@"\$\{([a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
