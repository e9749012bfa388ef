using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// Which way back a token may go (退回, 撤回; ADR 0031). Between the earlier user task and where the token waits now may
/// lie only user tasks, exclusive gateways and timer events: a parallel gateway would leave a sibling branch behind (or
/// fork it twice when the token comes round again), a service task would run its action again (a second subsidy
/// instalment), a message event would wait for a message that already came. Such ways back are refused.
/// </summary>
internal static class TaskPaths
{
    private static readonly HashSet<ElementType> Passable = [ElementType.UserTask, ElementType.ExclusiveGateway, ElementType.TimerEvent];

    /// <summary>Null when the token may go back from <paramref name="to"/> to <paramref name="from"/>; else why not, for people.</summary>
    public static string? WhyNotBack(ProcessGraph graph, string from, string to)
    {
        var forward = Reach(from, to, e => graph.Outgoing[e].Select(f => f.To));
        if (!forward.Contains(to)) return "目标任务不在当前任务之前的流程上。";
        var backward = Reach(to, from, e => graph.Incoming[e].Select(f => f.From));
        foreach (var id in forward.Intersect(backward))
        {
            if (id == from || id == to || !graph.Elements.TryGetValue(id, out var element)) continue;
            if (element.Type == ElementType.ParallelGateway) return "目标任务与当前任务之间有并行分支，不能退回或撤回（请由县爱卫办处理）。";
            if (!Passable.Contains(element.Type)) return $"目标任务与当前任务之间有自动处理步骤（{element.Title ?? element.Id}），不能退回或撤回。";
        }
        return null;
    }

    /// <summary>Every element reachable from <paramref name="start"/> without passing through <paramref name="stop"/> (which is included when reached).</summary>
    private static HashSet<string> Reach(string start, string stop, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            if (id == stop && id != start) continue;
            foreach (var n in next(id))
                if (seen.Add(n)) queue.Enqueue(n);
        }
        return seen;
    }
}
