namespace Shizhu.Workflows.Templates;

/// <summary>
/// Puts template parameters in place of the due rules that name one (<c>{"workingDaysParameter": "x"}</c> becomes
/// <c>{"workingDays": parameters.x}</c>), when the template is read, so the engine meets plain durations and a deadline the
/// plan does not fix is one visible number in <see cref="TemplateDefinition.Parameters"/>. A rule naming a missing
/// parameter stays as it is (the validator names it; at run time it sets no deadline).
/// </summary>
public static class DueParameters
{
    public static TemplateDefinition Resolve(TemplateDefinition template)
    {
        if (template.Parameters is not { Count: > 0 } parameters || template.Elements is null
            || !template.Elements.Any(e => Names(e?.Due) || e?.Boundary?.Any(b => Names(b?.Due)) == true)) return template;
        return template with { Elements = [.. template.Elements.Select(e => e is null ? e! : Resolve(e, parameters))] };
    }

    private static bool Names(DueRule? due) => due?.WorkingDaysParameter is not null;

    private static ElementDefinition Resolve(ElementDefinition element, IReadOnlyDictionary<string, decimal> parameters) => element with
    {
        Due = Resolve(element.Due, parameters),
        Boundary = element.Boundary is null ? null : [.. element.Boundary.Select(b => b is null ? b! : b with { Due = Resolve(b.Due, parameters)! })],
    };

    private static DueRule? Resolve(DueRule? due, IReadOnlyDictionary<string, decimal> parameters) =>
        due?.WorkingDaysParameter is { } name && parameters.TryGetValue(name, out var value) && value == decimal.Truncate(value) && value is >= 0 and <= 366
            ? due with { WorkingDaysParameter = null, WorkingDays = (int)value }
            : due;
}
