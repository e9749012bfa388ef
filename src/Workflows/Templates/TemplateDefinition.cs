namespace Shizhu.Workflows.Templates;

/// <summary>
/// A stage template: a BPMN-like process. <see cref="Elements"/> joined by <see cref="Flows"/> are what runs;
/// <see cref="Stages"/> are the ordered milestones users see, each element naming the stage it belongs to, and
/// <see cref="Phases"/> group the stages as the plan's 实施步骤 does. <see cref="Parameters"/> are numbers the
/// template's actions and due rules read (the subsidy and its split, working-day deadlines); <see cref="ParameterInfo"/>
/// says of each what it is and whether the plan fixes it or the template chose it.
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
    IReadOnlyList<SubProcessDefinition>? SubProcesses = null,
    IReadOnlyList<PhaseDefinition>? Phases = null,
    IReadOnlyDictionary<string, TemplateParameterInfo>? ParameterInfo = null,
    int? WarningDays = null,
    IReadOnlyList<EscalationStepDefinition>? Escalation = null)
{
    /// <summary>The yellow warning's lead when a template names none: three working days (issue 13, ADR 0037).</summary>
    public const int DefaultWarningDays = 3;

    /// <summary>The most working days ahead a yellow warning may be set (two months of working days).</summary>
    public const int MaxWarningDays = 40;

    /// <summary>How many working days before a task's due time its yellow warning is raised (0: no yellow warning).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int WarningLead => WarningDays ?? DefaultWarningDays;

    /// <summary>
    /// The escalation chain when a template names none (issue 13 item 4): overdue → the township's principal leader,
    /// 3 working days overdue → the county leaders, 10 → the supervision office. A default, not published content, so
    /// the built-in templates get it without a version bump (ADR 0037 addendum).
    /// </summary>
    public static readonly IReadOnlyList<EscalationStepDefinition> DefaultEscalation =
    [
        new(0, Access.Roles.TownshipLeader), new(3, Access.Roles.CountyLeader), new(10, Access.Roles.CountySupervisor),
    ];

    /// <summary>The escalation steps that apply (an empty list: none).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<EscalationStepDefinition> EscalationSteps => Escalation ?? DefaultEscalation;
}

/// <summary>One step of the escalation chain: <see cref="To"/> (a role) hears of a task overdue by <see cref="AfterWorkingDays"/>.</summary>
public sealed record EscalationStepDefinition(int AfterWorkingDays, string To);

/// <summary>A milestone users see (宣传发动, 县级调研, …), in the <see cref="Phase"/> of 实施步骤 it belongs to.</summary>
public sealed record StageDefinition(string Key, string Name, string? Phase = null);

/// <summary>A phase of the plan's 实施步骤 (宣传发动, 申报创建, 查漏补缺, 迎检验收): a grouping of stages.</summary>
public sealed record PhaseDefinition(string Key, string Name);
