using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Shizhu.Workflows.Templates.SubProcesses;

/// <summary>
/// What one call puts in place of its sub-process's placeholders: <c>{name}</c> in texts becomes the text argument
/// (or the call's id for <c>{call}</c>, its stage for <c>{stage}</c>); a due rule <c>{"argument": name}</c> becomes the
/// due argument. A placeholder with nothing to put in its place is left as written: the validator names it.
/// </summary>
internal sealed partial class Placeholders(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, DueRule> dues)
{
    /// <summary>Placeholders every call fills in itself; parameters may not take these names.</summary>
    public const string Call = "call", Stage = "stage";

    public static readonly IReadOnlyList<string> Reserved = [Call, Stage];

    /// <summary>How a due argument passed on to a nested call is written: as a person would, without empty fields.</summary>
    private static readonly JsonSerializerOptions DueJson = new(TemplateCatalog.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The placeholders of <paramref name="call"/>: its arguments as they are, whatever their defects.</summary>
    public static Placeholders Of(ElementDefinition call)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var dues = new Dictionary<string, DueRule>(StringComparer.Ordinal);
        foreach (var (name, value) in call.Arguments ?? new Dictionary<string, JsonElement>())
        {
            if (value.ValueKind == JsonValueKind.String) texts[name] = value.GetString()!;
            else if (value.ValueKind == JsonValueKind.Object && ReadDue(value) is { } due) dues[name] = due;
        }
        texts[Call] = call.Id;
        if (call.Stage is { } stage) texts[Stage] = stage;
        return new Placeholders(texts, dues);
    }

    /// <summary>The names written as <c>{name}</c> in <paramref name="text"/>.</summary>
    public static IEnumerable<string> NamesIn(string? text) =>
        text is null ? [] : Pattern().Matches(text).Select(m => m.Groups[1].Value);

    public string? Text(string? text) =>
        text is null ? null : Pattern().Replace(text, m => texts.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    public DueRule? Due(DueRule? rule) =>
        rule?.Argument is { } name && dues.TryGetValue(name, out var due) ? due : rule;

    /// <summary>A JSON value (a service task's input, a nested call's argument) with placeholders filled in its strings and due rules.</summary>
    public JsonElement Json(JsonElement value) => JsonSerializer.SerializeToElement(Node(JsonNode.Parse(value.GetRawText())));

    public Condition? Condition(Condition? condition) => condition is null ? null : condition with
    {
        Variable = Text(condition.Variable),
        EqualTo = Text(condition.EqualTo),
        NotEqualTo = Text(condition.NotEqualTo),
        All = condition.All?.Select(c => Condition(c)!).ToList(),
        Any = condition.Any?.Select(c => Condition(c)!).ToList(),
    };

    private JsonNode? Node(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Text(value.GetValue<string>()));
            case JsonObject { Count: 1 } reference when reference["argument"] is JsonValue name
                                                        && name.GetValueKind() == JsonValueKind.String
                                                        && dues.TryGetValue(name.GetValue<string>(), out var due):
                return JsonSerializer.SerializeToNode(due, DueJson);
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = Node(obj[key]?.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Node(array[i]?.DeepClone());
                return array;
            default:
                return node;
        }
    }

    private static DueRule? ReadDue(JsonElement value)
    {
        try
        {
            return value.Deserialize<DueRule>(TemplateCatalog.Json);
        }
        catch (JsonException)
        {
            // A malformed due argument: the validator reports it at the call; expansion leaves the reference unfilled.
            return null;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9-]*)\}")]
    private static partial Regex Pattern();
}
