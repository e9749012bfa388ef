using Shizhu.Workflows.Templates.SubProcesses;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// The sub-process calls among the template's elements, checked on the document as written, then expanded for the
/// other rules to check as the engine will run them. Only a sound call is expanded — a known, sound definition, every
/// argument right, a known stage, and ids that do not collide with any other once prefixed; any other stays a single
/// element, its problems reported once, at the call, rather than again at each of its inner elements.
/// </summary>
internal static class SubProcessCalls
{
    public static SubProcessExpansion Check(ValidationRun run)
    {
        var sound = SubProcessRules.Check(run);
        var expand = new HashSet<ElementDefinition>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < run.Elements.Count; i++)
        {
            if (run.Elements[i] is not { Type: ElementType.SubProcess } call) continue;
            if (SubProcessArguments.Check(run, ValidationRun.NameOf(call, i), call) && sound.Contains(call.Calls!)
                && call.Stage is { } stage && run.StageKeys.Contains(stage) && call.Boundary is not { Count: > 0 })
                expand.Add(call);
        }
        var expansion = SubProcessExpander.Expand(run.Template, expand.Contains);
        while (Colliding(expansion) is { Count: > 0 } colliding)
        {
            foreach (var (callId, id) in colliding)
            {
                run.Add(callId, "id", DuplicateId,
                    $"调用 {callId} 展开后的编号“{id}”与模板中另一个元素或边界定时器的编号相同：请换一个调用编号，或改子流程内的编号。");
                expand.RemoveWhere(e => e.Id == callId);
            }
            expansion = SubProcessExpander.Expand(run.Template, expand.Contains);
        }
        return expansion;
    }

    /// <summary>Each expanded call with the first id it produced that another element (or boundary timer) has too.</summary>
    private static List<(string CallId, string Id)> Colliding(SubProcessExpansion expansion)
    {
        var counts = SubProcessExpander.IdsOf(expansion.Template.Elements).CountBy(id => id, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return [.. expansion.IdsByCall
            .Select(call => (call.Key, Id: call.Value.FirstOrDefault(id => counts[id] > 1)))
            .Where(c => c.Id is not null).Select(c => (c.Key, c.Id!))];
    }
}
