using System.Text.RegularExpressions;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// The smallest valid template that still has a decision and a loop: submit → check → (returned: back to
/// submit; otherwise the default) → record naming → end. Each validator test takes it and adds one defect.
/// </summary>
public static partial class TinyTemplate
{
    public static readonly TemplateDefinition Valid = new("municipal", "测试：最小市级模板", "municipal",
        [new StageDefinition("review", "材料审核"), new StageDefinition("naming", "公示命名")],
        [
            new ElementDefinition("start", ElementType.StartEvent),
            new ElementDefinition("submit", ElementType.UserTask, Stage: "review", Title: "提交创建材料", Role: Roles.TownshipStaff,
                Scope: TaskScope.Township, Due: new DueRule(WorkingDays: 5)),
            new ElementDefinition("check", ElementType.UserTask, Stage: "review", Title: "县爱卫办审核", Role: Roles.CountyAdmin,
                Scope: TaskScope.County, Outcomes: ["passed", "returned"]),
            new ElementDefinition("checked", ElementType.ExclusiveGateway, Default: "checked->record-naming"),
            new ElementDefinition("record-naming", ElementType.UserTask, Stage: "naming", Title: "登记获得命名", Role: Roles.CountyAdmin,
                Scope: TaskScope.County, Due: new DueRule(Year: "target", Month: 12)),
            new ElementDefinition("end", ElementType.EndEvent),
        ],
        [
            new FlowDefinition("start", "submit"),
            new FlowDefinition("submit", "check"),
            new FlowDefinition("check", "checked"),
            new FlowDefinition("checked", "submit", Outcome("check", "returned")),
            new FlowDefinition("checked", "record-naming"),
            new FlowDefinition("record-naming", "end"),
        ]);

    public static Condition Outcome(string task, string outcome) => new(Variable: $"{task}.outcome", EqualTo: outcome);

    public static TemplateDefinition Changing(this TemplateDefinition template, string id, Func<ElementDefinition, ElementDefinition> change) =>
        template with { Elements = [.. template.Elements.Select(e => e.Id == id ? change(e) : e)] };

    public static TemplateDefinition Adding(this TemplateDefinition template, params ElementDefinition[] elements) =>
        template with { Elements = [.. template.Elements, .. elements] };

    public static TemplateDefinition Removing(this TemplateDefinition template, string id) =>
        template with
        {
            Elements = [.. template.Elements.Where(e => e.Id != id)],
            Flows = [.. template.Flows.Where(f => f.From != id && f.To != id)],
        };

    public static TemplateDefinition AddingFlows(this TemplateDefinition template, params FlowDefinition[] flows) =>
        template with { Flows = [.. template.Flows, .. flows] };

    public static TemplateDefinition RemovingFlow(this TemplateDefinition template, string from, string to) =>
        template with { Flows = [.. template.Flows.Where(f => !(f.From == from && f.To == to))] };

    /// <summary>Puts <paramref name="element"/> right after <paramref name="after"/>: what followed it now follows the new element.</summary>
    public static TemplateDefinition Inserting(this TemplateDefinition template, ElementDefinition element, string after) =>
        template with
        {
            Elements = [.. template.Elements, element],
            Flows =
            [
                .. template.Flows.Select(f => f.From == after ? f with { From = element.Id } : f),
                new FlowDefinition(after, element.Id),
            ],
        };

    public static IReadOnlyList<TemplateProblem> Problems(this TemplateDefinition template) => TemplateValidator.BuiltIn.Validate(template);

    /// <summary>Asserts that the template has exactly one problem, where and of which kind, told in Chinese.</summary>
    public static TemplateProblem SingleProblem(this TemplateDefinition template, string elementId, string field, string code)
    {
        var problems = template.Problems();
        var problem = Assert.Single(problems);
        Assert.Equal((elementId, field, code), (problem.ElementId, problem.Field, problem.Code));
        Assert.Matches(Chinese(), problem.Message);
        return problem;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();
}
