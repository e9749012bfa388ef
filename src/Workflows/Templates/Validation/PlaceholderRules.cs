using System.Text.Json;
using Shizhu.Workflows.Templates.SubProcesses;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Every placeholder a sub-process definition writes must be one a call fills: <c>{name}</c> in a text (title,
/// description, stage, message, a service task's input, a condition, a nested call's text argument) names a
/// <c>text</c> parameter, <c>{call}</c> or <c>{stage}</c>; a due rule <c>{"argument": name}</c> names a <c>due</c>
/// parameter and says nothing else. Otherwise the expanded template would carry the placeholder as written.
/// </summary>
internal static class PlaceholderRules
{
    private const string At = TemplateProblem.Template;

    public static void Check(ValidationRun run, string path, SubProcessDefinition definition)
    {
        var parameters = (definition.Parameters ?? []).Where(p => p is { Key.Length: > 0 }).ToList();
        var texts = parameters.Where(p => p.Type == "text").Select(p => p.Key).Concat(Placeholders.Reserved).ToHashSet(StringComparer.Ordinal);
        var dues = parameters.Where(p => p.Type == "due").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var elements = definition.Elements ?? [];
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not { } element) continue;
            var at = $"{path}.elements[{i}]";
            foreach (var (field, text) in Texts(element))
                CheckText(run, $"{at}.{field}", text, texts, dues);
            CheckDue(run, at + ".due", element.Due, dues);
            foreach (var (boundary, j) in (element.Boundary ?? []).Select((b, j) => (b, j)).Where(x => x.b is not null))
                CheckDue(run, $"{at}.boundary[{j}].due", boundary.Due, dues);
            foreach (var (name, value) in element.Arguments ?? new Dictionary<string, JsonElement>())
                if (IsDueReference(value))
                    CheckReference(run, $"{at}.arguments.{name}", value, dues);
        }
        var flows = definition.Flows ?? [];
        for (var i = 0; i < flows.Count; i++)
            foreach (var (field, text) in Texts(flows[i]?.Condition, "condition"))
                CheckText(run, $"{path}.flows[{i}].{field}", text, texts, dues);
    }

    /// <summary>Whether a JSON value is a due rule that refers to a parameter: <c>{"argument": "start"}</c>.</summary>
    public static bool IsDueReference(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("argument", out _);

    private static void CheckReference(ValidationRun run, string field, JsonElement value, IReadOnlySet<string> dues)
    {
        try
        {
            CheckDue(run, field, value.Deserialize<DueRule>(TemplateCatalog.Json), dues);
        }
        catch (JsonException)
        {
            run.Add(At, field, InvalidArgument, "期限参数引用应写成 {\"argument\": \"参数键\"}。");
        }
    }

    private static void CheckText(ValidationRun run, string field, string? text, IReadOnlySet<string> texts, IReadOnlySet<string> dues)
    {
        foreach (var name in Placeholders.NamesIn(text).Distinct(StringComparer.Ordinal).Where(n => !texts.Contains(n)))
            run.Add(At, field, UnknownPlaceholder, dues.Contains(name)
                ? $"“{{{name}}}”是期限参数，只能写成期限规则 {{\"argument\": \"{name}\"}}，不能写在文字里。"
                : $"占位符 {{{name}}} 未定义：可用的有 {string.Join("、", texts.Order(StringComparer.Ordinal).Select(t => $"{{{t}}}"))}。");
    }

    private static void CheckDue(ValidationRun run, string field, DueRule? due, IReadOnlySet<string> dues)
    {
        if (due?.Argument is not { } name) return;
        if (due with { Argument = null } != new DueRule())
            run.Add(At, field, InvalidDue, "引用期限参数（argument）时不能再填写其他期限字段：期限整个由调用给出。");
        if (!dues.Contains(name))
            run.Add(At, field + ".argument", UnknownPlaceholder, dues.Count == 0
                ? $"期限参数“{name}”未定义：子流程没有 due 类型的参数。"
                : $"期限参数“{name}”未定义：可用的有 {string.Join("、", dues.Order(StringComparer.Ordinal))}。");
    }

    private static IEnumerable<(string Field, string? Text)> Texts(ElementDefinition element)
    {
        yield return ("title", element.Title);
        yield return ("description", element.Description);
        yield return ("stage", element.Stage);
        yield return ("message", element.Message);
        foreach (var (name, value) in element.Input ?? new Dictionary<string, JsonElement>())
            foreach (var text in Strings(value, $"input.{name}")) yield return text;
        foreach (var (name, value) in element.Arguments ?? new Dictionary<string, JsonElement>())
            if (value.ValueKind == JsonValueKind.String) yield return ($"arguments.{name}", value.GetString());
    }

    private static IEnumerable<(string Field, string? Text)> Texts(Condition? condition, string path)
    {
        if (condition is null) yield break;
        yield return (path + ".variable", condition.Variable);
        yield return (path + ".equalTo", condition.EqualTo);
        yield return (path + ".notEqualTo", condition.NotEqualTo);
        foreach (var (list, name) in new[] { (condition.All, "all"), (condition.Any, "any") })
            for (var i = 0; i < (list?.Count ?? 0); i++)
                foreach (var text in Texts(list![i], $"{path}.{name}[{i}]")) yield return text;
    }

    private static IEnumerable<(string Field, string? Text)> Strings(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => [(path, value.GetString())],
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => value.EnumerateArray().SelectMany((v, i) => Strings(v, $"{path}[{i}]")),
        _ => [],
    };
}
