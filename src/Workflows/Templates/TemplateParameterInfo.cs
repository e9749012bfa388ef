namespace Shizhu.Workflows.Templates;

/// <summary>
/// What a template parameter is (<see cref="Label"/>, <see cref="Description"/>) and where its value comes from:
/// <see cref="Source"/> <c>plan</c> when the county's plan states it (the subsidy totals), <c>parameter</c> when the plan is
/// silent and the template chose it (the instalment split, working-day deadlines, reminder offsets), so that nobody
/// takes a choice of ours for the plan's word.
/// </summary>
public sealed record TemplateParameterInfo(string Label, string Source = TemplateParameterInfo.FromTemplate, string? Description = null)
{
    public const string FromPlan = "plan";
    public const string FromTemplate = "parameter";
}
