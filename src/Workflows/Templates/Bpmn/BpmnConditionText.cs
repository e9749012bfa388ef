using System.Globalization;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// A condition as readable text for <c>bpmn:conditionExpression</c> (<c>check.outcome == "passed"</c>), so a modeler shows
/// what a flow waits for. Only for reading: the import takes the structured <c>shizhu:condition</c> beside it.
/// </summary>
public static class BpmnConditionText
{
    public static string Of(Condition c)
    {
        var parts = new List<string>();
        if (c.Variable is { } v)
        {
            if (c.EqualTo is not null) parts.Add($"{v} == \"{c.EqualTo}\"");
            if (c.NotEqualTo is not null) parts.Add($"{v} != \"{c.NotEqualTo}\"");
            if (c.LessThan is { } lt) parts.Add($"{v} < {lt.ToString(CultureInfo.InvariantCulture)}");
            if (c.AtLeast is { } al) parts.Add($"{v} >= {al.ToString(CultureInfo.InvariantCulture)}");
            if (parts.Count == 0) parts.Add(v);
        }
        if (c.All is { Count: > 0 } all) parts.Add("(" + string.Join(" && ", all.Select(Of)) + ")");
        if (c.Any is { Count: > 0 } any) parts.Add("(" + string.Join(" || ", any.Select(Of)) + ")");
        return parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }
}
