namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// One validation of one template: the document with its nulls tolerated (it is user input), its elements
/// indexed by id (first occurrence wins: later ones are reported as duplicates), and the problems found.
/// When the template is a sub-process expansion, <c>origins</c> tells where each expanded element and flow is
/// written, and problems are located there (<c>{callId}/{innerId}</c>) rather than at ids the document never shows.
/// </summary>
internal sealed class ValidationRun
{
    private readonly List<TemplateProblem> _problems = [];
    private readonly HashSet<TemplateProblem> _reported = [];
    private readonly IReadOnlyDictionary<string, string> _origins;
    private TemplateGraph? _graph;

    public ValidationRun(TemplateDefinition template, IReadOnlySet<string> actions, IReadOnlySet<string> departments,
        IReadOnlyDictionary<string, string>? origins = null)
    {
        _origins = origins ?? new Dictionary<string, string>();
        Template = template;
        Actions = actions;
        Departments = departments;
        Stages = template.Stages ?? [];
        Elements = template.Elements ?? [];
        Flows = template.Flows ?? [];
        var byId = new Dictionary<string, ElementDefinition>(StringComparer.Ordinal);
        foreach (var element in Elements)
            if (element is { Id: { Length: > 0 } id }) byId.TryAdd(id, element);
        ElementsById = byId;
        StageKeys = Stages.Where(s => s is { Key.Length: > 0 }).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        FlowsBySource = Flows.Where(f => f is { From: not null }).ToLookup(f => f.From, StringComparer.Ordinal);
    }

    public TemplateDefinition Template { get; }
    public IReadOnlySet<string> Actions { get; }
    public IReadOnlySet<string> Departments { get; }
    public IReadOnlyList<StageDefinition> Stages { get; }
    public IReadOnlyList<ElementDefinition> Elements { get; }
    public IReadOnlyList<FlowDefinition> Flows { get; }
    public IReadOnlyDictionary<string, ElementDefinition> ElementsById { get; }
    public IReadOnlySet<string> StageKeys { get; }
    public IReadOnlyList<TemplateProblem> Problems => _problems;

    /// <summary>The elements and flows as a directed graph, interrupting boundary timers included.</summary>
    public TemplateGraph Graph => _graph ??= new TemplateGraph(this);

    /// <summary>Every flow leaving <paramref name="elementId"/>, whether its target exists or not.</summary>
    public IReadOnlyList<FlowDefinition> FlowsFrom(string elementId) => [.. FlowsBySource[elementId]];

    private ILookup<string, FlowDefinition> FlowsBySource { get; }

    public void Add(string elementId, string field, string code, string message)
    {
        var problem = new TemplateProblem(_origins.GetValueOrDefault(elementId, elementId), field, code, message);
        if (_reported.Add(problem)) _problems.Add(problem);
    }

    /// <summary>Takes over problems another run found (the sub-process checks, made on the document as written).</summary>
    public void Adopt(IEnumerable<TemplateProblem> problems)
    {
        foreach (var problem in problems)
            if (_reported.Add(problem)) _problems.Add(problem);
    }

    /// <summary>How problems name an element: its id, or its place in the list when it has none.</summary>
    public static string NameOf(ElementDefinition element, int index) =>
        string.IsNullOrWhiteSpace(element.Id) ? $"elements[{index}]" : element.Id;

    /// <summary>How problems name a flow: its key (<c>from->to</c> or its id), or its place in the list.</summary>
    public static string NameOf(FlowDefinition flow, int index) =>
        flow.Id is { Length: > 0 } id ? id
        : string.IsNullOrWhiteSpace(flow.From) || string.IsNullOrWhiteSpace(flow.To) ? $"flows[{index}]"
        : flow.Key;
}
