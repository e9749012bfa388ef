using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// The shape tokens move in: start and end events, every element reachable from a start, every element but
/// an end going somewhere, and no loop that can never reach an end.
/// </summary>
internal static class GraphRules
{
    public static void Check(ValidationRun run)
    {
        var elements = run.ElementsById.Values.ToList();
        var starts = elements.Where(e => e.Type == ElementType.StartEvent).Select(e => e.Id).ToList();
        var ends = elements.Where(e => e.Type == ElementType.EndEvent).Select(e => e.Id).ToList();
        if (starts.Count == 0) run.Add(TemplateProblem.Template, "elements", NoStartEvent, "模板至少需要一个开始事件（startEvent）。");
        if (ends.Count == 0) run.Add(TemplateProblem.Template, "elements", NoEndEvent, "模板至少需要一个结束事件（endEvent）。");

        foreach (var element in elements)
        {
            var outgoing = run.FlowsFrom(element.Id).Count;
            if (element.Type == ElementType.EndEvent && outgoing > 0)
                run.Add(element.Id, "outgoing", NotAllowed, "结束事件不能有流出的流转。");
            else if (element.Type != ElementType.EndEvent && outgoing == 0)
                run.Add(element.Id, "outgoing", DeadEnd, $"元素 {element.Id} 没有流出的流转：令牌到这里会停住，工作流无法结束。");
            if (element.Type == ElementType.StartEvent && run.Flows.Any(f => f?.To == element.Id))
                run.Add(element.Id, "incoming", NotAllowed, "开始事件不能有流入的流转。");
        }

        if (starts.Count > 0)
        {
            var reachable = run.Graph.Reach(starts);
            foreach (var element in elements.Where(e => !reachable.Contains(e.Id)))
                run.Add(element.Id, "incoming", Unreachable, $"元素 {element.Id} 从开始事件无法到达。");
        }
        if (ends.Count > 0) CheckLoops(run, ends);
    }

    /// <summary>A loop from which no end event can be reached traps its tokens for ever.</summary>
    private static void CheckLoops(ValidationRun run, IReadOnlyList<string> ends)
    {
        var canEnd = run.Graph.ReachBackwards(ends);
        var order = run.Elements.Select((e, i) => (e?.Id, i)).Where(x => x.Id is not null).GroupBy(x => x.Id!).ToDictionary(g => g.Key, g => g.First().i);
        foreach (var loop in run.Graph.Loops())
        {
            if (loop.Any(canEnd.Contains)) continue;
            var members = loop.OrderBy(id => order[id]).ToList();
            run.Add(members[0], "outgoing", LoopWithoutExit,
                $"循环没有出口：{string.Join("、", members)} 之间的循环无法到达任何结束事件。");
        }
    }
}
