using System.Text.RegularExpressions;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// The sub-process definitions on their own, located in the document (<c>template</c>, <c>subProcesses[0].entry</c>):
/// key and name, parameters, inner ids (unique, and no start or end event: a call begins at its entry and ends at its
/// exit), flows among inner elements only, placeholders and nested calls, recursion and definitions nobody calls.
/// What an inner element means once its arguments are in (its role, its due rule, the graph it makes) is checked on
/// each call's expansion (<see cref="SubProcessCalls"/>).
/// </summary>
internal static partial class SubProcessRules
{
    public static readonly IReadOnlyList<string> ParameterTypes = ["text", "due"];
    private const string At = TemplateProblem.Template;

    /// <summary>Checks every definition; answers the keys of those sound enough to expand (no problem of their own or of what they call).</summary>
    public static IReadOnlySet<string> Check(ValidationRun run)
    {
        var definitions = run.Template.SubProcesses ?? [];
        var byKey = Definitions(run.Template);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var path = $"subProcesses[{i}]";
            if (definitions[i] is not { } definition)
            {
                run.Add(At, path, Required, $"第 {i + 1} 个子流程定义是空的（null）。");
                continue;
            }
            var before = run.Problems.Count;
            if (Text.RequireId(run, At, path + ".key", definition.Key, 60, "子流程键") && !keys.Add(definition.Key))
                run.Add(At, path + ".key", Duplicate, $"子流程键“{definition.Key}”重复。");
            Text.Require(run, At, path + ".name", definition.Name, 100, "子流程名称");
            CheckParameters(run, path, definition.Parameters);
            CheckInside(run, path, definition, byKey);
            if (run.Problems.Count > before && definition.Key is not null) broken.Add(definition.Key);
        }
        CheckRecursion(run, definitions, byKey, broken);
        CheckUse(run, definitions, byKey);
        // A definition calling a broken (or unknown) one cannot be expanded either.
        while (byKey.Values.FirstOrDefault(d => !broken.Contains(d.Key) && Callees(d).Any(k => broken.Contains(k) || !byKey.ContainsKey(k))) is { } caller)
            broken.Add(caller.Key);
        return byKey.Keys.Where(k => !broken.Contains(k)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The definitions by key; the first of a repeated key wins, as in the expander.</summary>
    public static IReadOnlyDictionary<string, SubProcessDefinition> Definitions(TemplateDefinition template) =>
        (template.SubProcesses ?? []).Where(d => d is { Key.Length: > 0 }).DistinctBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="key"/> can name a parameter: <c>{key}</c> in a text, and not one a call fills itself.</summary>
    public static bool IsParameterKey(string? key) =>
        key is not null && ParameterKey().IsMatch(key) && !SubProcesses.Placeholders.Reserved.Contains(key);

    /// <summary>The keys the definition's own elements call.</summary>
    public static IEnumerable<string> Callees(SubProcessDefinition definition) =>
        (definition.Elements ?? []).Where(e => e is { Type: ElementType.SubProcess, Calls: not null }).Select(e => e.Calls!);

    private static void CheckParameters(ValidationRun run, string path, IReadOnlyList<SubProcessParameter>? parameters)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
        {
            var at = $"{path}.parameters[{i}]";
            if (parameters![i] is not { } parameter)
            {
                run.Add(At, at, Required, $"第 {i + 1} 个参数是空的（null）。");
                continue;
            }
            if (Text.Require(run, At, at + ".key", parameter.Key, 60, "参数键"))
            {
                if (!ParameterKey().IsMatch(parameter.Key))
                    run.Add(At, at + ".key", InvalidId, $"参数键“{parameter.Key}”只能由英文字母、数字和“-”组成并以字母开头：文字中以 {{{parameter.Key}}} 引用它。");
                else if (SubProcesses.Placeholders.Reserved.Contains(parameter.Key))
                    run.Add(At, at + ".key", NotAllowed, $"参数键不能是“{parameter.Key}”：{{call}} 和 {{stage}} 由调用自身填入（调用编号、所属阶段）。");
                else if (!keys.Add(parameter.Key))
                    run.Add(At, at + ".key", Duplicate, $"参数键“{parameter.Key}”重复。");
            }
            Text.Require(run, At, at + ".label", parameter.Label, 100, "参数名称");
            if (!ParameterTypes.Contains(parameter.Type))
                run.Add(At, at + ".type", UnknownValue, $"参数类型“{parameter.Type}”未知：可用的有 {string.Join("、", ParameterTypes)}。");
        }
    }

    private static void CheckInside(ValidationRun run, string path, SubProcessDefinition definition, IReadOnlyDictionary<string, SubProcessDefinition> byKey)
    {
        var elements = definition.Elements ?? [];
        if (elements.Count == 0) run.Add(At, path + ".elements", Required, "子流程没有任何元素（elements）。");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var at = $"{path}.elements[{i}]";
            if (elements[i] is not { } element)
            {
                run.Add(At, at, Required, $"子流程的第 {i + 1} 个元素是空的（null）。");
                continue;
            }
            if (Text.RequireId(run, At, at + ".id", element.Id, 60, "元素编号") && !ids.Add(element.Id))
                run.Add(At, at + ".id", DuplicateId, $"元素编号“{element.Id}”在子流程中重复。");
            foreach (var (boundary, j) in (element.Boundary ?? []).Select((b, j) => (b, j)).Where(x => x.b?.Id is { Length: > 0 }))
                if (!ids.Add(boundary.Id))
                    run.Add(At, $"{at}.boundary[{j}].id", DuplicateId, $"边界定时器编号“{boundary.Id}”在子流程中重复。");
            if (element.Type is ElementType.StartEvent or ElementType.EndEvent)
                run.Add(At, at + ".type", NotAllowed, "子流程不能有开始事件或结束事件：调用从入口元素（entry）开始，在出口元素（exit）结束。");
            if (element.Type == ElementType.SubProcess) SubProcessArguments.CheckNested(run, at, element, byKey);
        }
        foreach (var (field, label, id) in new[] { ("entry", "入口元素", definition.Entry), ("exit", "出口元素", definition.Exit) })
            if (Text.Require(run, At, $"{path}.{field}", id, 60, label) && !ids.Contains(id))
                run.Add(At, $"{path}.{field}", UnknownElement, $"{label}“{id}”不是子流程中的元素。");
        var flows = definition.Flows ?? [];
        for (var i = 0; i < flows.Count; i++)
        {
            var at = $"{path}.flows[{i}]";
            if (flows[i] is not { } flow)
            {
                run.Add(At, at, Required, $"子流程的第 {i + 1} 条流转是空的（null）。");
                continue;
            }
            foreach (var (field, end) in new[] { ("from", flow.From), ("to", flow.To) })
                if (string.IsNullOrWhiteSpace(end))
                    run.Add(At, $"{at}.{field}", Required, $"请填写流转的{(field == "from" ? "起点" : "终点")}（{field}）。");
                else if (!ids.Contains(end))
                    run.Add(At, $"{at}.{field}", UnknownElement, $"“{end}”不是子流程中的元素：子流程的流转只连接它自己的元素，与外部的连接写在调用上。");
        }
        PlaceholderRules.Check(run, path, definition);
    }

    private static void CheckRecursion(ValidationRun run, IReadOnlyList<SubProcessDefinition> definitions,
        IReadOnlyDictionary<string, SubProcessDefinition> byKey, HashSet<string> broken)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            if (definitions[i] is not { Key.Length: > 0 } definition || !ReferenceEquals(byKey[definition.Key], definition)) continue;
            var elements = definition.Elements ?? [];
            for (var j = 0; j < elements.Count; j++)
            {
                if (elements[j] is not { Type: ElementType.SubProcess, Calls: { } callee } || PathBack(byKey, callee, definition.Key) is not { } cycle) continue;
                run.Add(At, $"subProcesses[{i}].elements[{j}].calls", RecursiveSubProcess,
                    $"子流程 {definition.Key} 经 {string.Join(" → ", [definition.Key, .. cycle])} 调用了自身：展开将永无止境。");
                broken.Add(definition.Key);
            }
        }
    }

    /// <summary>The chain of calls from <paramref name="from"/> back to <paramref name="target"/>, if there is one.</summary>
    private static List<string>? PathBack(IReadOnlyDictionary<string, SubProcessDefinition> byKey, string from, string target)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var key))
        {
            if (key == target)
            {
                var path = new List<string>();
                for (string? at = key; at is not null; at = previous[at]) path.Insert(0, at);
                return path;
            }
            if (!byKey.TryGetValue(key, out var definition)) continue;
            foreach (var next in Callees(definition))
                if (previous.TryAdd(next, key)) queue.Enqueue(next);
        }
        return null;
    }

    /// <summary>A definition no element calls (directly or through another definition) is never checked by expansion, nor ever runs.</summary>
    private static void CheckUse(ValidationRun run, IReadOnlyList<SubProcessDefinition> definitions, IReadOnlyDictionary<string, SubProcessDefinition> byKey)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(run.Elements.Where(e => e is { Type: ElementType.SubProcess, Calls: not null }).Select(e => e.Calls!));
        while (queue.TryDequeue(out var key))
            if (used.Add(key) && byKey.TryGetValue(key, out var definition))
                foreach (var callee in Callees(definition)) queue.Enqueue(callee);
        for (var i = 0; i < definitions.Count; i++)
            if (definitions[i] is { Key.Length: > 0 } definition && !used.Contains(definition.Key))
                run.Add(At, $"subProcesses[{i}]", UnusedSubProcess, $"子流程“{definition.Name ?? definition.Key}”没有被任何元素调用（type 为 subProcess、calls 为 {definition.Key}）。");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex ParameterKey();
}
