using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Parallel branches must come together again, and a join must be able to fill up.
/// A fork is a parallel gateway with more than one way out, or any other element with more than one
/// unconditional way out (it, too, sends a token down each). Its branches are joined when one parallel gateway
/// with several ways in is reached from every branch, and no branch can reach an end event without passing it
/// first; the nearest such gateway is the fork's join.
/// A join waits for a token on each of its ways in. It needs a fork with as many branches reaching it before
/// they meet at that fork's own join (several start events count as a fork); otherwise tokens that came apart
/// at an exclusive gateway would wait there for ever.
/// </summary>
internal static class ForkJoinRules
{
    private sealed record Fork(string Id, IReadOnlyList<string> Branches, string Kind, string? Join);

    public static void Check(ValidationRun run)
    {
        var joins = run.ElementsById.Values.Where(e => e.Type == ElementType.ParallelGateway && Incoming(run, e.Id) > 1).Select(e => e.Id).ToList();
        var forks = Forks(run).Select(f => f with { Join = JoinOf(run, f, joins) }).ToList();
        foreach (var fork in forks.Where(f => f.Join is null))
            run.Add(fork.Id, "outgoing", ForkWithoutJoin,
                $"分支缺少汇聚：{fork.Kind} {fork.Id} 的 {fork.Branches.Count} 个分支没有在结束前汇聚到同一个并行网关。");

        var starts = run.ElementsById.Values.Where(e => e.Type == ElementType.StartEvent).Select(e => e.Id).ToList();
        if (starts.Count > 1)
        {
            var together = new Fork("", starts, "", null);
            forks.Add(together with { Join = JoinOf(run, together, joins) });
        }
        foreach (var join in joins)
        {
            var incoming = Incoming(run, join);
            if (forks.Any(f => f.Join == join || f.Branches.Count(b => run.Graph.Reach([b], id => id == f.Join).Contains(join)) >= incoming)) continue;
            run.Add(join, "incoming", JoinWithoutFork,
                $"并行网关 {join} 要等 {incoming} 条流入的流转都送来令牌才继续，但没有并行分支能同时到达它们：经排他网关分开的路线在这里会一直等待。");
        }
    }

    private static IEnumerable<Fork> Forks(ValidationRun run)
    {
        foreach (var element in run.ElementsById.Values)
        {
            var outgoing = run.FlowsFrom(element.Id).Where(f => f.To is not null && run.ElementsById.ContainsKey(f.To));
            var branches = element.Type switch
            {
                ElementType.ParallelGateway => outgoing.Select(f => f.To).Distinct(StringComparer.Ordinal).ToList(),
                ElementType.ExclusiveGateway or ElementType.EndEvent => [],
                _ => outgoing.Where(f => f.Condition is null).Select(f => f.To).Distinct(StringComparer.Ordinal).ToList(),
            };
            if (branches.Count > 1)
                yield return new Fork(element.Id, branches, element.Type == ElementType.ParallelGateway ? "并行网关" : "元素（隐式并行）", null);
        }
    }

    /// <summary>The nearest join every branch of <paramref name="fork"/> reaches before any end event, if there is one.</summary>
    private static string? JoinOf(ValidationRun run, Fork fork, IReadOnlyList<string> joins)
    {
        var distance = Distances(run, fork.Branches);
        return joins.Where(join => distance.ContainsKey(join) && fork.Branches.All(branch => Joins(run, branch, join)))
            .OrderBy(join => distance[join]).FirstOrDefault();
    }

    /// <summary>Whether every path from <paramref name="branch"/> reaches <paramref name="join"/> before any end event.</summary>
    private static bool Joins(ValidationRun run, string branch, string join)
    {
        if (branch == join) return true;
        var reached = run.Graph.Reach([branch], stopAt: id => id == join);
        return reached.Contains(join) && !reached.Any(id => run.ElementsById[id].Type == ElementType.EndEvent);
    }

    private static Dictionary<string, int> Distances(ValidationRun run, IEnumerable<string> from)
    {
        var distance = from.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var queue = new Queue<string>(distance.Keys);
        while (queue.TryDequeue(out var id))
            foreach (var next in run.Graph.Next(id))
                if (distance.TryAdd(next, distance[id] + 1)) queue.Enqueue(next);
        return distance;
    }

    private static int Incoming(ValidationRun run, string id) =>
        run.Flows.Count(f => f?.To == id && f.From is not null && run.ElementsById.ContainsKey(f.From));
}
