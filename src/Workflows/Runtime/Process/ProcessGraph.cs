using System.Collections.Concurrent;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>A template indexed for running: elements by id, flows by source and target. Built once per template version.</summary>
public sealed class ProcessGraph
{
    private static readonly ConcurrentDictionary<TemplateDefinition, ProcessGraph> Cache = new(ReferenceEqualityComparer.Instance);

    private ProcessGraph(TemplateDefinition template)
    {
        Template = template;
        Elements = template.Elements.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Outgoing = template.Flows.ToLookup(f => f.From, StringComparer.Ordinal);
        Incoming = template.Flows.ToLookup(f => f.To, StringComparer.Ordinal);
        StageOrder = template.Stages.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        Boundaries = template.Elements.SelectMany(e => (e.Boundary ?? []).Select(b => (e.Id, b)))
            .ToDictionary(x => x.b.Id, x => (x.Id, x.b), StringComparer.Ordinal);
    }

    public TemplateDefinition Template { get; }
    public IReadOnlyDictionary<string, ElementDefinition> Elements { get; }
    public ILookup<string, FlowDefinition> Outgoing { get; }
    public ILookup<string, FlowDefinition> Incoming { get; }
    public IReadOnlyDictionary<string, int> StageOrder { get; }
    /// <summary>Boundary timers by their id, with the user task they sit on.</summary>
    public IReadOnlyDictionary<string, (string TaskElementId, BoundaryTimer Timer)> Boundaries { get; }

    public static ProcessGraph For(TemplateDefinition template) => Cache.GetOrAdd(template, t => new ProcessGraph(t));
}
