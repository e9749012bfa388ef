using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>Checks of names and ids shared by the rules. Lengths follow the database columns the runtime writes them to.</summary>
internal static class Text
{
    /// <summary>Reports a missing or too long value; answers whether it is present.</summary>
    public static bool Require(ValidationRun run, string elementId, string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            run.Add(elementId, field, Required, $"请填写{label}（{Leaf(field)}）。");
            return false;
        }
        Limit(run, elementId, field, value, maxLength, label);
        return true;
    }

    public static void Limit(ValidationRun run, string elementId, string field, string? value, int maxLength, string label)
    {
        if (value is { } text && text.Length > maxLength)
            run.Add(elementId, field, TooLong, $"{label}不能超过 {maxLength} 个字符。");
    }

    /// <summary>
    /// An id is what variables and flow keys are built from: <c>{id}.outcome</c>, <c>{from}->{to}</c>. So it may
    /// hold no dot, no white space and no <c>-&gt;</c>.
    /// </summary>
    public static bool RequireId(ValidationRun run, string elementId, string field, string? id, int maxLength, string label)
    {
        if (!Require(run, elementId, field, id, maxLength, label)) return false;
        if (id!.Contains('.') || id.Contains("->", StringComparison.Ordinal) || id.Any(char.IsWhiteSpace))
        {
            run.Add(elementId, field, InvalidId, $"{label}“{id}”不能包含“.”、“->”或空白：变量和流转按编号引用元素。");
            return false;
        }
        return true;
    }

    private static string Leaf(string field) => field[(field.LastIndexOf('.') + 1)..];
}
