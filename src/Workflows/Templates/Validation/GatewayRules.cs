using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// Where a token chooses its way. An exclusive gateway takes the first flow whose condition holds, else its
/// <c>default</c> (or, without one, its first unconditional flow); any other element follows every flow whose
/// condition holds; a parallel gateway follows all of them. So every outcome needs somewhere to go.
/// </summary>
internal static class GatewayRules
{
    public static void Check(ValidationRun run)
    {
        foreach (var element in run.ElementsById.Values)
        {
            var outgoing = run.FlowsFrom(element.Id);
            if (element.Type != ElementType.ExclusiveGateway && element.Default is not null)
                run.Add(element.Id, "default", NotAllowed, "只有排他网关可以指定默认流转（default）。");
            switch (element.Type)
            {
                case ElementType.ExclusiveGateway:
                    CheckExclusive(run, element, outgoing);
                    break;
                case ElementType.ParallelGateway:
                    foreach (var flow in outgoing.Where(f => f.Condition is not null))
                        run.Add(flow.Key, "condition", ConditionIgnored, $"并行网关 {element.Id} 会走所有流出的流转，这里的条件不起作用。");
                    break;
                case ElementType.EndEvent:
                    break;
                default:
                    if (outgoing.Count > 0 && outgoing.All(f => f.Condition is not null))
                        CheckCoverage(run, element.Id, "outgoing", outgoing, $"{element.Id} 的流出流转都带条件");
                    break;
            }
        }
    }

    private static void CheckExclusive(ValidationRun run, ElementDefinition gateway, IReadOnlyList<FlowDefinition> outgoing)
    {
        if (outgoing.Count == 0) return;
        FlowDefinition? fallback;
        if (gateway.Default is { } name)
        {
            fallback = outgoing.FirstOrDefault(f => f.Key == name);
            if (fallback is null)
            {
                run.Add(gateway.Id, "default", DefaultNotOutgoing,
                    $"默认流转“{name}”不是从网关 {gateway.Id} 流出的流转：可选的有 {string.Join("、", outgoing.Select(f => f.Key))}。");
                return;
            }
        }
        else
            fallback = outgoing.FirstOrDefault(f => f.Condition is null);

        foreach (var flow in outgoing.Where(f => f.Condition is null && f != fallback))
            run.Add(flow.Key, "condition", FlowNeverTaken,
                $"排他网关 {gateway.Id} 只会在条件都不成立时走默认流转 {fallback!.Key}，这条无条件流转永远不会被选中。");
        if (fallback is null) CheckCoverage(run, gateway.Id, "default", outgoing, $"排他网关 {gateway.Id} 的流出流转都带条件且没有默认流转");
    }

    private static void CheckCoverage(ValidationRun run, string elementId, string field, IReadOnlyList<FlowDefinition> flows, string situation)
    {
        var coverage = OutcomeCoverage.Analyse(run, [.. flows.Select(f => f.Condition!)]);
        if (coverage is null)
        {
            run.Add(elementId, field, ConditionsMayAllFail, $"条件可能都不成立：{situation}，条件都不成立时令牌无处可去。");
            return;
        }
        foreach (var outcome in coverage.Uncovered)
            run.Add(elementId, field, OutcomeWithoutFlow,
                $"任务 {coverage.TaskId} 的办理结果“{outcome}”没有可走的流转：{situation}。");
    }
}
