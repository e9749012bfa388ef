namespace Shizhu.Workflows.Templates;

/// <summary>
/// A stage template: a BPMN-like process. <see cref="Elements"/> joined by <see cref="Flows"/> are what runs;
/// <see cref="Stages"/> are the ordered milestones users see, each element naming the stage it belongs to.
/// <see cref="Parameters"/> are numbers the template's actions read (the subsidy and its split).
/// <see cref="SubProcesses"/> are named fragments that <see cref="ElementType.SubProcess"/> elements call; the form that runs
/// has them expanded (<see cref="TemplateCatalog.Parse"/>).
/// </summary>
public sealed record TemplateDefinition(
    string Key,
    string Name,
    string Track,
    IReadOnlyList<StageDefinition> Stages,
    IReadOnlyList<ElementDefinition> Elements,
    IReadOnlyList<FlowDefinition> Flows,
    IReadOnlyDictionary<string, decimal>? Parameters = null,
    IReadOnlyList<SubProcessDefinition>? SubProcesses = null);

/// <summary>A milestone users see (宣传发动, 县级调研, …).</summary>
public sealed record StageDefinition(string Key, string Name);
