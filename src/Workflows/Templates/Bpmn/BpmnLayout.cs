namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// A simple layered left-to-right layout for the BPMN DI section, so bpmn-js and Camunda Modeler can draw an exported
/// template: back edges (loops) are found by a depth-first walk from the start nodes and ignored while layering, each node
/// sits in the column after its furthest predecessor, nodes of a column are stacked in the order the walk met them.
/// Forward flows run right with one bend; back flows run under both ends. Nothing here is stored: a diagram is computed
/// at every export, so a template has no positions to keep in step.
/// </summary>
public sealed class BpmnLayout
{
    public const double ColumnWidth = 170;
    public const double RowHeight = 130;
    private const double Margin = 60;

    public sealed record Box(double X, double Y, double Width, double Height)
    {
        public double CenterX => X + Width / 2;
        public double CenterY => Y + Height / 2;
        public double Right => X + Width;
        public double Bottom => Y + Height;
    }

    public sealed record Edge(string Id, string From, string To);

    public IReadOnlyDictionary<string, Box> Nodes { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)>> Edges { get; }

    /// <param name="nodes">Node ids with their size, in document order.</param>
    /// <param name="edges">Flows between nodes (boundary events' flows come from their host's box, given as <paramref name="attached"/>).</param>
    /// <param name="attached">Boundary node id → host node id, with the boundary node's size.</param>
    public BpmnLayout(IReadOnlyList<(string Id, double Width, double Height)> nodes, IReadOnlyList<Edge> edges,
        IReadOnlyList<(string Id, string Host, double Size)> attached)
    {
        var hostOf = attached.ToDictionary(a => a.Id, a => a.Host, StringComparer.Ordinal);
        string Anchor(string id) => hostOf.TryGetValue(id, out var host) ? host : id;
        var known = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var links = edges.Select(e => (e.Id, From: Anchor(e.From), To: Anchor(e.To)))
            .Where(e => known.Contains(e.From) && known.Contains(e.To)).ToList();
        var outgoing = links.ToLookup(e => e.From, StringComparer.Ordinal);
        var incoming = links.Select(e => e.To).ToHashSet(StringComparer.Ordinal);

        // Depth-first from the nodes nothing flows into (then from any node left), marking the flows that close a loop.
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var back = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string id)
        {
            state[id] = 1;
            order.Add(id);
            foreach (var e in outgoing[id])
            {
                if (!state.TryGetValue(e.To, out var s)) Walk(e.To);
                else if (s == 1) back.Add(e.Id);
            }
            state[id] = 2;
        }
        foreach (var root in nodes.Select(n => n.Id).Where(id => !incoming.Contains(id)).Concat(nodes.Select(n => n.Id)))
            if (!state.ContainsKey(root)) Walk(root);

        // Longest path over the flows that are not back edges, in topological order (reverse post-order is not needed:
        // relax until stable, the graphs are small).
        var column = nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        var forward = links.Where(e => !back.Contains(e.Id)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in forward)
                if (column[e.To] < column[e.From] + 1 && column[e.From] + 1 <= nodes.Count) { column[e.To] = column[e.From] + 1; changed = true; }
        }

        var size = nodes.ToDictionary(n => n.Id, n => (n.Width, n.Height), StringComparer.Ordinal);
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var group in order.GroupBy(id => column[id]))
        {
            var row = 0;
            foreach (var id in group)
            {
                var (w, h) = size[id];
                var cellX = Margin + group.Key * ColumnWidth;
                var cellY = Margin + row++ * RowHeight;
                boxes[id] = new Box(cellX + (120 - w) / 2, cellY + (80 - h) / 2, w, h);
            }
        }
        foreach (var group in attached.GroupBy(a => a.Host))
        {
            var host = boxes[group.Key];
            var i = 0;
            foreach (var a in group)
                boxes[a.Id] = new Box(host.X + 8 + i++ * (a.Size + 6), host.Bottom - a.Size / 2, a.Size, a.Size);
        }
        Nodes = boxes;

        var floor = boxes.Values.Select(b => b.Bottom).DefaultIfEmpty(0).Max() + 30;
        var waypoints = new Dictionary<string, IReadOnlyList<(double, double)>>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            if (!boxes.TryGetValue(e.From, out var from) || !boxes.TryGetValue(e.To, out var to)) continue;
            if (hostOf.ContainsKey(e.From))
                waypoints[e.Id] = [(from.CenterX, from.Bottom), (from.CenterX, floor), (to.CenterX, floor), (to.CenterX, to.Bottom)];
            else if (back.Contains(e.Id) || to.X <= from.X)
                waypoints[e.Id] = [(from.CenterX, from.Bottom), (from.CenterX, floor), (to.CenterX, floor), (to.CenterX, to.Bottom)];
            else if (Math.Abs(from.CenterY - to.CenterY) < 0.5)
                waypoints[e.Id] = [(from.Right, from.CenterY), (to.X, to.CenterY)];
            else
            {
                var bend = from.Right + 25;
                waypoints[e.Id] = [(from.Right, from.CenterY), (bend, from.CenterY), (bend, to.CenterY), (to.X, to.CenterY)];
            }
        }
        Edges = waypoints;
    }
}
