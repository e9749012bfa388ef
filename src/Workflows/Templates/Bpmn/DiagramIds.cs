namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// Which shape of the exported diagram stands for an element id the engine or the validator names. The diagram draws the
/// template as written, so an element a sub-process call expanded (<c>{callId}-{innerId}</c> at run time,
/// <c>{callId}/{innerId}</c> in a validation problem) is shown on its call activity; a flow key <c>from->to</c> on the
/// flow; a boundary timer on its <c>{task}.{timer}</c> event.
/// </summary>
public sealed class DiagramIds(TemplateDefinition document)
{
    private readonly HashSet<string> _elements = document.Elements.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _calls = [.. document.Elements.Where(e => e.Type == ElementType.SubProcess).Select(e => e.Id).OrderByDescending(id => id.Length)];
    private readonly IReadOnlyList<FlowDefinition> _flows = document.Flows;

    /// <summary>The BPMN id of the shape for <paramref name="elementId"/>, or null when the diagram has none.</summary>
    public string? Of(string elementId)
    {
        if (_elements.Contains(elementId)) return BpmnNames.Encode(elementId);
        foreach (var call in _calls)
            if (elementId.StartsWith(call + "-", StringComparison.Ordinal) || elementId.StartsWith(call + "/", StringComparison.Ordinal))
                return BpmnNames.Encode(call);
        var index = _flows.ToList().FindIndex(f => f.Key == elementId);
        if (index < 0) return null;
        var flow = _flows[index];
        return flow.Id is not null ? BpmnNames.Encode(flow.Id) : $"Flow_{BpmnNames.Encode(flow.From)}_{BpmnNames.Encode(flow.To)}";
    }

    /// <summary>The boundary event of <paramref name="timerId"/> on the task at <paramref name="taskElementId"/>, or the task's shape inside a call.</summary>
    public string? OfBoundary(string taskElementId, string timerId) =>
        _elements.Contains(taskElementId) ? $"{BpmnNames.Encode(taskElementId)}.{BpmnNames.Encode(timerId)}" : Of(taskElementId);
}
