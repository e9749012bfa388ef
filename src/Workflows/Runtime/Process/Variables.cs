using System.Globalization;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>
/// A workflow's variables: a JSON object, addressed by dotted paths (<c>mock-inspection.outcome</c>), and the
/// evaluation of declarative <see cref="Condition"/>s over them. Nothing here runs user-supplied code.
/// </summary>
public sealed class Variables(JsonObject root)
{
    /// <summary>While recording: each path set, with its value before the first set (cloned).</summary>
    private Dictionary<string, JsonNode?>? _recorded;

    public JsonObject Root { get; } = root;

    public static Variables Parse(string json) => new(JsonNode.Parse(json) as JsonObject ?? []);

    public string ToJson() => Root.ToJsonString();

    public JsonNode? Get(string path)
    {
        JsonNode? node = Root;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }

    public void Set(string path, JsonNode? value)
    {
        if (_recorded is not null && !_recorded.ContainsKey(path)) _recorded[path] = Get(path)?.DeepClone();
        var parts = path.Split('.');
        var obj = Root;
        foreach (var part in parts[..^1])
        {
            if (obj[part] is not JsonObject next) obj[part] = next = [];
            obj = next;
        }
        obj[parts[^1]] = value;
    }

    /// <summary>Starts noting which paths are set, so that a journal row can show them before and after.</summary>
    internal void StartRecording() => _recorded = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    /// <summary>Stops recording; answers the paths set since <see cref="StartRecording"/> with their values before and now.</summary>
    internal (JsonObject Before, JsonObject After) StopRecording()
    {
        var (before, after) = (new JsonObject(), new JsonObject());
        foreach (var (path, previous) in _recorded ?? [])
        {
            before[path] = previous;
            after[path] = Get(path)?.DeepClone();
        }
        _recorded = null;
        return (before, after);
    }

    public decimal GetNumber(string path) =>
        Get(path) is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m;

    public bool Holds(Condition? condition)
    {
        if (condition is null) return true;
        if (condition.All is { } all && !all.All(Holds)) return false;
        if (condition.Any is { } any && !any.Any(Holds)) return false;
        if (condition.Variable is not { } path) return true;
        var value = Get(path);
        var text = value is JsonValue jv ? jv.ToString() : value?.ToJsonString();
        if (condition.EqualTo is { } equal && text != equal) return false;
        if (condition.NotEqualTo is { } notEqual && text == notEqual) return false;
        if (condition.LessThan is { } less && !(GetNumber(path) < less)) return false;
        if (condition.AtLeast is { } least && !(GetNumber(path) >= least)) return false;
        return true;
    }
}
