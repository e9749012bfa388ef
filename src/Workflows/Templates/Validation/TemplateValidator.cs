using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime.ServiceTasks;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Checks a template before it may be saved as a draft or published, the way the runtime will read it, and
/// lists every problem it finds, each located by element id (or flow key, or <c>template</c>) and field.
/// An empty list means the template is valid. Service-task actions are those registered with the engine.
/// Sub-process calls are checked as written and then expanded, so that an inner element's problem is found as the
/// engine would meet it and located where it is written (<c>{callId}/{innerId}</c>).
/// </summary>
public sealed class TemplateValidator(ServiceTaskActions actions)
{
    /// <summary>A validator that knows the engine's built-in actions only, for tools and tests.</summary>
    public static TemplateValidator BuiltIn { get; } =
        new(new ServiceTaskActions([new SetVariableAction(), new IncrementAction(), new RecordSubsidyAction()]));

    private readonly IReadOnlySet<string> _actions = actions.ByName.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Validates against the county departments seeded with the engine.</summary>
    public IReadOnlyList<TemplateProblem> Validate(TemplateDefinition template) =>
        Validate(template, ReferenceDataSeeder.CountyDepartments.Select(d => d.Code));

    /// <summary>Validates with <paramref name="departmentCodes"/> as the departments a task may name (as kept in the database).</summary>
    public IReadOnlyList<TemplateProblem> Validate(TemplateDefinition template, IEnumerable<string> departmentCodes)
    {
        var departments = departmentCodes.ToHashSet(StringComparer.Ordinal);
        // Sub-processes and their calls are checked as written; everything else on the expanded template, as it will run.
        var document = new ValidationRun(template, _actions, departments);
        var expansion = SubProcessCalls.Check(document);
        var run = new ValidationRun(expansion.Template, _actions, departments, expansion.Origins);
        TemplateRules.Check(run);
        run.Adopt(document.Problems);
        ElementRules.Check(run);
        FlowRules.Check(run);
        if (run.Elements.Count > TemplateRules.MaxElements || run.Flows.Count > TemplateRules.MaxFlows) return run.Problems;
        GraphRules.Check(run);
        GatewayRules.Check(run);
        ForkJoinRules.Check(run);
        return run.Problems;
    }
}
