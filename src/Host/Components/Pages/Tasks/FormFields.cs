using System.Globalization;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Tasks;

/// <summary>
/// The browser-side checks of a task's typed fields, worded as the engine's own (<c>FormValidator</c>), and the JSON
/// object the engine receives: only fields with a value, numbers as numbers, dates as yyyy-MM-dd.
/// </summary>
public static class FormFields
{
    public static string RequiredMessage(FormFieldView field) => $"请填写“{field.Label}”。";

    public static string? CheckNumber(FormFieldView field, decimal? value) => value switch
    {
        null => null,
        { } v when field.Min is { } min && v < min => $"“{field.Label}”不能小于 {min}。",
        { } v when field.Max is { } max && v > max => $"“{field.Label}”不能大于 {max}。",
        _ => null,
    };

    public static string? CheckText(FormFieldView field, string? value) =>
        field.MaxLength is { } length && value is { } text && text.Length > length ? $"“{field.Label}”不能超过 {length} 字。" : null;

    /// <summary>The form data as the engine takes it; null when the task has no fields.</summary>
    public static JsonObject? Data(IReadOnlyList<FormFieldView> fields, IReadOnlyDictionary<string, object?> values)
    {
        if (fields.Count == 0) return null;
        var data = new JsonObject();
        foreach (var field in fields)
        {
            switch (values.GetValueOrDefault(field.Key))
            {
                case string text when !string.IsNullOrWhiteSpace(text):
                    data[field.Key] = field.Type == "date" ? Date(text) : text.Trim();
                    break;
                case decimal number:
                    data[field.Key] = number;
                    break;
                case bool flag:
                    data[field.Key] = flag;
                    break;
            }
        }
        return data;
    }

    /// <summary>A stored value as people read it: 是/否 for a flag, the text or number as entered.</summary>
    public static string Show(FormFieldView field, JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when field.Type == "boolean" && v.TryGetValue<bool>(out var flag) => flag ? "是" : "否",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>The date input answers yyyy-MM-dd already; anything else goes as typed, for the engine to refuse by name.</summary>
    private static string Date(string text) =>
        DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
}
