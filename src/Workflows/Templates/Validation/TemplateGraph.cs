namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// The template as a directed graph over element ids, the way tokens move: along every flow whose ends both
/// exist, and from a user task to the target of an interrupting boundary timer.
/// </summary>
internal sealed class TemplateGraph
{
    private readonly Dictionary<string, List<string>> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _previous = new(StringComparer.Ordinal);

    public TemplateGraph(ValidationRun run)
    {
        foreach (var id in run.ElementsById.Keys)
        {
            _next[id] = [];
            _previous[id] = [];
        }
        foreach (var flow in run.Flows)
            if (flow is not null) Connect(flow.From, flow.To);
        foreach (var element in run.ElementsById.Values.Where(e => e.Type == ElementType.UserTask))
            foreach (var boundary in element.Boundary ?? [])
                if (boundary is { Interrupting: true, To: { } to }) Connect(element.Id, to);
    }

    public IReadOnlyList<string> Next(string id) => _next.TryGetValue(id, out var next) ? next : [];

    /// <summary>Every element reachable from <paramref name="from"/> (included), not going past <paramref name="stopAt"/>.</summary>
    public HashSet<string> Reach(IEnumerable<string> from, Func<string, bool>? stopAt = null) => Walk(from, _next, stopAt);

    /// <summary>Every element from which one of <paramref name="to"/> can be reached (included).</summary>
    public HashSet<string> ReachBackwards(IEnumerable<string> to) => Walk(to, _previous, null);

    /// <summary>The strongly connected sets of elements that form a loop (more than one element, or one with a flow to itself).</summary>
    public IEnumerable<IReadOnlyList<string>> Loops()
    {
        var components = new StronglyConnected(_next).Components();
        return components.Where(c => c.Count > 1 || _next[c[0]].Contains(c[0]));
    }

    private void Connect(string? from, string? to)
    {
        if (from is null || to is null || !_next.TryGetValue(from, out var next) || !_previous.TryGetValue(to, out var previous)) return;
        next.Add(to);
        previous.Add(from);
    }

    private static HashSet<string> Walk(IEnumerable<string> from, Dictionary<string, List<string>> edges, Func<string, bool>? stopAt)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var id in from)
            if (edges.ContainsKey(id) && seen.Add(id)) queue.Enqueue(id);
        while (queue.TryDequeue(out var id))
        {
            if (stopAt?.Invoke(id) == true) continue;
            foreach (var next in edges[id])
                if (seen.Add(next)) queue.Enqueue(next);
        }
        return seen;
    }

    /// <summary>Tarjan's algorithm; templates are small, so recursion is fine.</summary>
    private sealed class StronglyConnected(Dictionary<string, List<string>> edges)
    {
        private readonly Dictionary<string, (int Index, int Low)> _marks = new(StringComparer.Ordinal);
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = new(StringComparer.Ordinal);
        private readonly List<IReadOnlyList<string>> _components = [];

        public List<IReadOnlyList<string>> Components()
        {
            foreach (var id in edges.Keys)
                if (!_marks.ContainsKey(id)) Visit(id);
            return _components;
        }

        private void Visit(string id)
        {
            _marks[id] = (_marks.Count, _marks.Count);
            _stack.Push(id);
            _onStack.Add(id);
            foreach (var next in edges[id])
            {
                if (!_marks.ContainsKey(next))
                {
                    Visit(next);
                    _marks[id] = (_marks[id].Index, Math.Min(_marks[id].Low, _marks[next].Low));
                }
                else if (_onStack.Contains(next))
                    _marks[id] = (_marks[id].Index, Math.Min(_marks[id].Low, _marks[next].Index));
            }
            if (_marks[id].Low != _marks[id].Index) return;
            var component = new List<string>();
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            } while (member != id);
            _components.Add(component);
        }
    }
}
