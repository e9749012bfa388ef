using System.Text.Json;
using System.Text.Json.Serialization;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// A call against the sub-process it calls: which one (<c>calls</c>), its stage, and its arguments — every parameter
/// given, none unknown, text for <c>text</c>, a sound due rule for <c>due</c>. A call inside a definition may pass
/// its own caller's placeholders on (<c>"{checkName}"</c>, <c>{"argument": "start"}</c>); those are checked by
/// <see cref="PlaceholderRules"/>.
/// </summary>
internal static class SubProcessArguments
{
    /// <summary>Due rules as arguments are read as strictly as the document: a misspelt field is a problem, not ignored.</summary>
    private static readonly JsonSerializerOptions Strict = new(TemplateCatalog.Json) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>A call among the template's elements, located at its id; answers whether it found nothing wrong.</summary>
    public static bool Check(ValidationRun run, string id, ElementDefinition call)
    {
        var before = run.Problems.Count;
        if (Definition(run, id, "", call, SubProcessRules.Definitions(run.Template)) is { } definition)
            CheckAgainst(run, id, "", call, definition, nested: false);
        return run.Problems.Count == before;
    }

    /// <summary>A call inside a sub-process definition, located at its place in the document (<paramref name="at"/>).</summary>
    public static void CheckNested(ValidationRun run, string at, ElementDefinition call, IReadOnlyDictionary<string, SubProcessDefinition> definitions)
    {
        if (Definition(run, TemplateProblem.Template, at + ".", call, definitions) is { } definition)
            CheckAgainst(run, TemplateProblem.Template, at + ".", call, definition, nested: true);
    }

    private static SubProcessDefinition? Definition(ValidationRun run, string id, string prefix, ElementDefinition call,
        IReadOnlyDictionary<string, SubProcessDefinition> definitions)
    {
        if (call.Stage is null)
            run.Add(id, prefix + "stage", Required, "请填写子流程调用所属的阶段（stage）：子流程中的 {stage} 取这个值。");
        foreach (var field in Ignored(call))
            run.Add(id, prefix + field, NotAllowed, $"子流程调用不使用“{field}”：办理角色、期限、办理结果等写在子流程内部的元素上。");
        if (string.IsNullOrWhiteSpace(call.Calls))
        {
            run.Add(id, prefix + "calls", Required, "请填写要调用的子流程（calls）。");
            return null;
        }
        if (definitions.TryGetValue(call.Calls, out var definition)) return definition;
        run.Add(id, prefix + "calls", UnknownSubProcess, definitions.Count == 0
            ? $"子流程“{call.Calls}”未定义：模板没有子流程定义（subProcesses）。"
            : $"子流程“{call.Calls}”未定义：可用的有 {string.Join("、", definitions.Keys)}。");
        return null;
    }

    /// <summary>The fields a call has that expansion would silently drop: only id, type, stage, calls, arguments, title and description belong on it.</summary>
    private static IEnumerable<string> Ignored(ElementDefinition call)
    {
        (string Field, bool Present)[] fields =
        [
            ("role", call.Role is not null), ("scope", call.Scope is not null), ("departmentCode", call.DepartmentCode is not null),
            ("due", call.Due is not null), ("outcomes", call.Outcomes is not null), ("form", call.Form is not null),
            ("evidence", call.Evidence is not null), ("action", call.Action is not null), ("input", call.Input is not null),
            ("message", call.Message is not null), ("default", call.Default is not null),
        ];
        return fields.Where(f => f.Present).Select(f => f.Field);
    }

    private static void CheckAgainst(ValidationRun run, string id, string prefix, ElementDefinition call, SubProcessDefinition definition, bool nested)
    {
        // A parameter the definition declares wrongly is reported there, not again at every call.
        var parameters = (definition.Parameters ?? []).Where(p => p is not null && SubProcessRules.IsParameterKey(p.Key) && SubProcessRules.ParameterTypes.Contains(p.Type))
            .DistinctBy(p => p.Key, StringComparer.Ordinal).ToList();
        var arguments = call.Arguments ?? new Dictionary<string, JsonElement>();
        foreach (var parameter in parameters)
        {
            var field = $"{prefix}arguments.{parameter.Key}";
            var label = $"参数“{parameter.Key}”（{parameter.Label}）";
            if (!arguments.TryGetValue(parameter.Key, out var value))
                run.Add(id, field, Required, $"缺少{label}：子流程 {definition.Key} 需要它。");
            else if (parameter.Type == "text" && value.ValueKind != JsonValueKind.String)
                run.Add(id, field, InvalidArgument, $"{label}应为文字。");
            else if (parameter.Type == "due" && value.ValueKind != JsonValueKind.Object)
                run.Add(id, field, InvalidArgument, $"{label}应为期限规则，如 {{\"workingDays\": 15}} 或 {{\"year\": \"target\", \"month\": 5}}。");
            else if (parameter.Type == "due" && !(nested && PlaceholderRules.IsDueReference(value)))
                CheckDue(run, id, field, label, value);
        }
        foreach (var name in arguments.Keys.Where(name => (definition.Parameters ?? []).All(p => p?.Key != name)))
            run.Add(id, $"{prefix}arguments.{name}", UnknownArgument, parameters.Count == 0
                ? $"子流程 {definition.Key} 没有参数，不能传入“{name}”。"
                : $"子流程 {definition.Key} 没有参数“{name}”：它的参数有 {string.Join("、", parameters.Select(p => p.Key))}。");
    }

    private static void CheckDue(ValidationRun run, string id, string field, string label, JsonElement value)
    {
        DueRule? due;
        try
        {
            due = value.Deserialize<DueRule>(Strict);
        }
        catch (JsonException)
        {
            run.Add(id, field, InvalidArgument, $"{label}不是可以识别的期限规则：只能有 year、yearOffset、month、day、at、workingDays、days。");
            return;
        }
        DueRules.Check(run, id, field, due, required: true);
    }
}
