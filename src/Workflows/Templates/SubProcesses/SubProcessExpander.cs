namespace Shizhu.Workflows.Templates.SubProcesses;

/// <summary>
/// Turns a template's sub-process calls into the elements they stand for, so that the engine, the journal and the
/// workflow view meet only elements written out (ADR 0012). A call <c>c</c> of a sub-process becomes its elements with
/// ids <c>c-{id}</c> (boundary timers and flow ids too), in the call's place; its flows are put just before the first
/// flow that enters or leaves the call; flows into the call go to <c>c-{entry}</c> and flows out of it leave from
/// <c>c-{exit}</c>. Placeholders take the call's arguments, and conditions on an inner element's variables follow
/// its new id. A call inside a sub-process is expanded in turn (<c>c-d-{id}</c>). A call that cannot be expanded (an
/// unknown sub-process, one calling itself, a definition without its entry) stays as it is: the validator names
/// why, and the runtime raises an incident if a token ever reaches it.
/// </summary>
public static class SubProcessExpander
{
    /// <summary>A bound on the elements expansion may produce, so that sub-processes calling each other many times cannot exhaust memory.</summary>
    public const int MaxExpandedElements = 5_000;

    /// <summary>The template as it runs: every call expanded and the sub-process definitions dropped. Answers a template without calls as it is.</summary>
    public static TemplateDefinition Expand(TemplateDefinition template) =>
        template.SubProcesses is null && template.Elements?.Any(e => e?.Type == ElementType.SubProcess) != true
            ? template
            : Expand(template, _ => true).Template;

    /// <summary>Expands the top-level calls <paramref name="expand"/> lets through, and tells where each expanded part is written.</summary>
    internal static SubProcessExpansion Expand(TemplateDefinition template, Func<ElementDefinition, bool> expand)
    {
        var expander = new Expansion(template);
        var (elements, flows, calls) = expander.ExpandList(template.Elements ?? [], template.Flows ?? [], [], expand);
        var produced = calls.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)[.. IdsOf(c.Value.Elements)], StringComparer.Ordinal);
        return new SubProcessExpansion(template with { Elements = elements, Flows = flows, SubProcesses = null }, expander.Origins, produced);
    }

    /// <summary>The ids an element list holds: its elements' and their boundary timers'.</summary>
    internal static IEnumerable<string> IdsOf(IEnumerable<ElementDefinition?> elements) =>
        elements.Where(e => e?.Id is not null)
            .SelectMany(e => new[] { e!.Id }.Concat((e.Boundary ?? []).Where(b => b?.Id is not null).Select(b => b.Id)));

    private sealed record Inner(List<ElementDefinition> Elements, List<FlowDefinition> Flows, string Entry, string Exit);

    private sealed class Expansion(TemplateDefinition template)
    {
        private readonly Dictionary<string, SubProcessDefinition> _definitions = (template.SubProcesses ?? [])
            .Where(d => d?.Key is not null).DistinctBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, StringComparer.Ordinal);
        private int _elements = template.Elements?.Count ?? 0;

        /// <summary>Expanded element ids, boundary ids and flow keys, with where they are written: <c>{call}/{innerId}</c>, or the flow as written.</summary>
        public Dictionary<string, string> Origins { get; } = new(StringComparer.Ordinal);

        public (List<ElementDefinition> Elements, List<FlowDefinition> Flows, Dictionary<string, Inner> Calls) ExpandList(
            IReadOnlyList<ElementDefinition> elements, IReadOnlyList<FlowDefinition> flows, IReadOnlyList<string> chain, Func<ElementDefinition, bool> expand)
        {
            var calls = new Dictionary<string, Inner>(StringComparer.Ordinal);
            var expandedElements = new HashSet<ElementDefinition>(ReferenceEqualityComparer.Instance);
            foreach (var element in elements)
            {
                if (element is not { Type: ElementType.SubProcess, Id: { Length: > 0 } id, Calls: { } key } || calls.ContainsKey(id)
                    || !_definitions.TryGetValue(key, out var definition) || chain.Contains(key) || !expand(element)
                    || ExpandCall(element, definition, chain) is not { } inner) continue;
                calls[id] = inner;
                expandedElements.Add(element);
            }
            if (calls.Count == 0) return ([.. elements], [.. flows], calls);

            var outElements = elements.SelectMany(e => e is not null && expandedElements.Contains(e) ? calls[e.Id].Elements : [Redirect(e!, calls)]).ToList();
            var (outFlows, renamed) = Rewire(flows, calls);
            return ([.. outElements.Select(e => e?.Default is { } d && renamed.TryGetValue(d, out var key) ? e with { Default = key } : e!)], outFlows, calls);
        }

        private Inner? ExpandCall(ElementDefinition call, SubProcessDefinition definition, IReadOnlyList<string> chain)
        {
            var innerElements = (definition.Elements ?? []).ToList();
            var ids = innerElements.Where(e => e?.Id is not null).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            if (definition.Entry is not { } entry || definition.Exit is not { } exit || !ids.Contains(entry) || !ids.Contains(exit)
                || _elements + innerElements.Count > MaxExpandedElements) return null;
            _elements += innerElements.Count;

            var prefix = call.Id + "-";
            var origin = Origins.GetValueOrDefault(call.Id, call.Id);
            var scope = new CallScope(prefix, ids, (definition.Flows ?? []).Where(f => f is not null).Select(f => f.Key), Placeholders.Of(call));
            var elements = innerElements.Select(e => e is null ? e! : scope.Element(e)).ToList();
            var flows = (definition.Flows ?? []).Select(f => f is null ? f! : scope.Flow(f)).ToList();
            foreach (var written in innerElements.Where(e => e?.Id is not null))
            {
                Origins[prefix + written.Id] = $"{origin}/{written.Id}";
                foreach (var boundary in (written.Boundary ?? []).Where(b => b?.Id is not null))
                    Origins[prefix + boundary.Id] = $"{origin}/{boundary.Id}";
            }
            foreach (var (written, flow) in (definition.Flows ?? []).Zip(flows).Where(p => p.First is not null))
                Origins[flow.Key] = $"{origin}/{written.Key}";

            var nested = ExpandList(elements, flows, [.. chain, definition.Key], _ => true);
            entry = prefix + entry;
            exit = prefix + exit;
            return new Inner(nested.Elements, nested.Flows,
                nested.Calls.TryGetValue(entry, out var first) ? first.Entry : entry,
                nested.Calls.TryGetValue(exit, out var last) ? last.Exit : exit);
        }

        /// <summary>
        /// The flows with each expanded call's own flows put just before the first flow touching the call (so the order
        /// of flows out of any one element is kept) and flows into or out of a call moved to its entry or exit.
        /// </summary>
        private (List<FlowDefinition> Flows, Dictionary<string, string> Renamed) Rewire(IReadOnlyList<FlowDefinition> flows, Dictionary<string, Inner> calls)
        {
            var result = new List<FlowDefinition>();
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            var placed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var flow in flows)
            {
                if (flow is null)
                {
                    result.Add(flow!);
                    continue;
                }
                foreach (var end in new[] { flow.From, flow.To })
                    if (end is not null && calls.TryGetValue(end, out var touched) && placed.Add(end)) result.AddRange(touched.Flows);
                var from = flow.From is not null && calls.TryGetValue(flow.From, out var source) ? source.Exit : flow.From;
                var to = flow.To is not null && calls.TryGetValue(flow.To, out var target) ? target.Entry : flow.To;
                if (from == flow.From && to == flow.To)
                {
                    result.Add(flow);
                    continue;
                }
                var moved = flow with { From = from!, To = to! };
                Origins[moved.Key] = Origins.GetValueOrDefault(flow.Key, flow.Key);
                if (flow.Id is null) renamed[flow.Key] = moved.Key;
                result.Add(moved);
            }
            foreach (var (id, inner) in calls)
                if (placed.Add(id)) result.AddRange(inner.Flows);
            return (result, renamed);
        }

        /// <summary>An interrupting boundary timer that continues at a call continues at the call's entry.</summary>
        private static ElementDefinition Redirect(ElementDefinition element, Dictionary<string, Inner> calls) =>
            element?.Boundary is { } boundaries && boundaries.Any(b => b?.To is not null && calls.ContainsKey(b.To))
                ? element with { Boundary = [.. boundaries.Select(b => b?.To is not null && calls.TryGetValue(b.To, out var call) ? b with { To = call.Entry } : b!)] }
                : element!;
    }
}
