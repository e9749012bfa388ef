using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Shizhu.Workflows.Templates.Bpmn.BpmnNames;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// A 会签/或签 (<see cref="MultiInstanceDefinition"/>) as BPMN: <c>bpmn:multiInstanceLoopCharacteristics</c> with
/// <c>isSequential</c> and a <c>completionCondition</c> in the variables Camunda and Flowable use
/// (<c>${nrOfCompletedInstances &gt;= n}</c>), our source list as <c>ext:instance</c> elements (one per department, user
/// or role) and our completion word as <c>ext:completion</c>, so the round trip is exact and a foreign modeller still
/// shows the parallel or sequential marker (ADR 0045).
/// </summary>
internal static partial class BpmnMultiInstance
{
    private const string Completed = "nrOfCompletedInstances";
    private const string Instances = "nrOfInstances";

    public static XElement? Export(MultiInstanceDefinition? multi)
    {
        if (multi is null) return null;
        var (source, list) = Source(multi);
        var condition = multi.Completion switch
        {
            MultiInstanceDefinition.Any => $"${{{Completed} >= 1}}",
            MultiInstanceDefinition.AtLeastCompletion => $"${{{Completed} >= {multi.AtLeast?.ToString(CultureInfo.InvariantCulture)}}}",
            _ => $"${{{Completed} == {Instances}}}",
        };
        return new XElement(Model + "multiInstanceLoopCharacteristics",
            new XAttribute("isSequential", multi.Sequential ? "true" : "false"),
            new XAttribute(Ext + "completion", multi.Completion ?? ""),
            multi.Mode is null ? new XAttribute(Ext + "modeOmitted", "true") : null,
            new XElement(Model + "extensionElements",
                (list ?? []).Select(key => new XElement(Ext + "instance", new XAttribute(source, key)))),
            new XElement(Model + "completionCondition", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), condition));
    }

    /// <summary>Reads the loop characteristics back; <paramref name="problem"/> hears what cannot be read.</summary>
    public static MultiInstanceDefinition? Import(XElement? loop, Action<string> problem)
    {
        if (loop is null) return null;
        var instances = loop.Element(Model + "extensionElements")?.Elements(Ext + "instance").ToList() ?? [];
        List<string>? Of(string source) =>
            instances.Any(i => i.Attribute(source) is not null) ? [.. instances.Select(i => (string?)i.Attribute(source)).OfType<string>()] : null;
        var sequential = (string?)loop.Attribute("isSequential") == "true";
        var mode = (string?)loop.Attribute(Ext + "modeOmitted") == "true" && !sequential ? null
            : sequential ? MultiInstanceDefinition.SequentialMode : MultiInstanceDefinition.Parallel;
        // Our export always writes shizhu:completion (empty: the template named none, which means all); a foreign file has none.
        var written = (string?)loop.Attribute(Ext + "completion");
        var (completion, atLeast) = (written is { Length: > 0 } ? written : null, (int?)null);
        var expression = loop.Element(Model + "completionCondition")?.Value.Trim();
        if (written is null || written == MultiInstanceDefinition.AtLeastCompletion)
        {
            var match = expression is null ? null : AtLeastExpression().Match(expression);
            if (expression is not null && AllExpression().IsMatch(expression)) completion ??= MultiInstanceDefinition.All;
            else if (match is { Success: true })
            {
                atLeast = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                completion ??= atLeast == 1 ? MultiInstanceDefinition.Any : MultiInstanceDefinition.AtLeastCompletion;
                if (completion == MultiInstanceDefinition.Any) atLeast = null;
            }
            else if (expression is not null)
                problem($"不支持的会签完成条件“{expression}”：请写 ${{{Completed} == {Instances}}}（全部）或 ${{{Completed} >= n}}（至少 n 份）。");
        }
        if (instances.Count == 0)
            problem("会签/或签（multiInstanceLoopCharacteristics）缺少实例列表：请用 ext:instance 列出部门、人员或角色。");
        return new MultiInstanceDefinition(mode, Of("departmentCode"), Of("user"), Of("role"), completion, atLeast);
    }

    private static (string Source, IReadOnlyList<string>? List) Source(MultiInstanceDefinition multi) =>
        multi.DepartmentCodes is { } d ? ("departmentCode", d) : multi.Users is { } u ? ("user", u) : ("role", multi.Roles);

    [GeneratedRegex(@"^\$\{\s*nrOfCompletedInstances\s*(==|>=)\s*nrOfInstances\s*\}$")]
    private static partial Regex AllExpression();

    [GeneratedRegex(@"^\$\{\s*nrOfCompletedInstances\s*>=\s*(\d+)\s*\}$")]
    private static partial Regex AtLeastExpression();
}
