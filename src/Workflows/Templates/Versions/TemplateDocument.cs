using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Shizhu.Workflows.Templates.Validation;

namespace Shizhu.Workflows.Templates.Versions;

/// <summary>
/// Reads a template document sent by a person and writes the form it is stored in. Reading is strict: a
/// misspelt or misplaced field is a located problem rather than silently ignored, and a missing element
/// <c>type</c> (in the template or in a sub-process definition) is not taken for a start event. A top-level
/// <c>$schema</c> (as editors add) is allowed.
/// </summary>
public static class TemplateDocument
{
    private static readonly JsonSerializerOptions Strict = new(TemplateCatalog.Json)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Stored documents: no nulls, no computed flow keys, readable Chinese, indented.</summary>
    private static readonly JsonSerializerOptions Storage = new(TemplateCatalog.Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutFlowKey } },
    };

    /// <summary>The definition in <paramref name="document"/>; throws <see cref="InvalidTemplateException"/> when it cannot be read.</summary>
    public static TemplateDefinition Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
            throw Invalid("", "模板文档必须是一个 JSON 对象。");
        if (DuplicateName(document, "$") is { } duplicate)
        {
            var (elementId, field) = Locate(document, duplicate);
            throw new InvalidTemplateException([new TemplateProblem(elementId, field, TemplateProblemCodes.InvalidJson,
                $"字段“{(field.Length > 0 ? field : duplicate)}”在同一处出现了两次。")]);
        }
        var untyped = Untyped(document, "elements").Select(i => new TemplateProblem(ElementName(document, i), "type", TemplateProblemCodes.Required, TypeRequired))
            .Concat(Items(document, "subProcesses").SelectMany((definition, i) => Untyped(definition, "elements")
                .Select(j => new TemplateProblem(TemplateProblem.Template, $"subProcesses[{i}].elements[{j}].type", TemplateProblemCodes.Required, TypeRequired))))
            .ToList();
        if (untyped.Count > 0) throw new InvalidTemplateException(untyped);
        var root = JsonNode.Parse(document.GetRawText())!.AsObject();
        root.Remove("$schema");
        try
        {
            return root.Deserialize<TemplateDefinition>(Strict) ?? throw Invalid("", "模板文档是空的。");
        }
        catch (JsonException e)
        {
            var (elementId, field) = Locate(document, e.Path);
            throw new InvalidTemplateException([new TemplateProblem(elementId, field, TemplateProblemCodes.InvalidJson,
                $"“{(field.Length > 0 ? field : elementId)}”无法识别，或其取值的类型不正确。")]);
        }
    }

    public static string Write(TemplateDefinition definition) => JsonSerializer.Serialize(definition, Storage);

    /// <summary>Turns a JSON path (<c>$.elements[3].due.month</c>) into an element id (or flow key) and a field.</summary>
    private static (string ElementId, string Field) Locate(JsonElement root, string? path)
    {
        var rest = (path ?? "$").TrimStart('$').TrimStart('.');
        foreach (var list in new[] { "elements", "flows" })
        {
            if (!rest.StartsWith(list + "[", StringComparison.Ordinal)) continue;
            var close = rest.IndexOf(']');
            if (close < 0 || !int.TryParse(rest[(list.Length + 1)..close], out var index)) break;
            var field = rest[(close + 1)..].TrimStart('.');
            return (list == "elements" ? ElementName(root, index) : FlowName(root, index), field);
        }
        return (TemplateProblem.Template, rest);
    }

    /// <summary>The path of the first property named twice in one object, if any (a reader would silently keep one).</summary>
    private static string? DuplicateName(JsonElement node, string path)
    {
        if (node.ValueKind == JsonValueKind.Array)
            return node.EnumerateArray().Select((item, i) => DuplicateName(item, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        if (node.ValueKind != JsonValueKind.Object) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.EnumerateObject())
        {
            if (!names.Add(property.Name)) return $"{path}.{property.Name}";
            if (DuplicateName(property.Value, $"{path}.{property.Name}") is { } nested) return nested;
        }
        return null;
    }

    private const string TypeRequired = "请填写元素类型（type），如 userTask、exclusiveGateway。";

    /// <summary>The places in <paramref name="list"/> of elements that have no <c>type</c>.</summary>
    private static IEnumerable<int> Untyped(JsonElement owner, string list) =>
        Items(owner, list).Select((e, i) => (e, i)).Where(x => x.e.ValueKind == JsonValueKind.Object && !x.e.TryGetProperty("type", out _)).Select(x => x.i);

    private static IEnumerable<JsonElement> Items(JsonElement root, string list) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    private static string ElementName(JsonElement root, int index) =>
        Text(Items(root, "elements").ElementAtOrDefault(index), "id") ?? $"elements[{index}]";

    private static string FlowName(JsonElement root, int index)
    {
        var flow = Items(root, "flows").ElementAtOrDefault(index);
        return Text(flow, "id") ?? (Text(flow, "from") is { } from && Text(flow, "to") is { } to ? $"{from}->{to}" : $"flows[{index}]");
    }

    private static InvalidTemplateException Invalid(string field, string message) =>
        new([new TemplateProblem(TemplateProblem.Template, field, TemplateProblemCodes.InvalidJson, message)]);

    private static void WithoutFlowKey(JsonTypeInfo info)
    {
        if (info.Type != typeof(FlowDefinition)) return;
        var key = info.Properties.FirstOrDefault(p => p.Name == "key");
        if (key is not null) info.Properties.Remove(key);
    }
}
