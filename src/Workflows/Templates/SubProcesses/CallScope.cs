using System.Text.Json;

namespace Shizhu.Workflows.Templates.SubProcesses;

/// <summary>
/// One call's view of a sub-process definition: its ids prefixed (<c>{callId}-{id}</c>) wherever an inner element is
/// named — ids, boundary timers' targets, flow ends and ids, a gateway's default flow, a condition's variable of an
/// inner element — and its placeholders filled with the call's arguments.
/// </summary>
internal sealed class CallScope(string prefix, IReadOnlySet<string> ids, IEnumerable<string> flowKeys, Placeholders fill)
{
    private readonly IReadOnlySet<string> _flowKeys = flowKeys.ToHashSet(StringComparer.Ordinal);

    public ElementDefinition Element(ElementDefinition element) => element with
    {
        Id = prefix + element.Id,
        Stage = fill.Text(element.Stage),
        Title = fill.Text(element.Title),
        Description = fill.Text(element.Description),
        Message = fill.Text(element.Message),
        Due = fill.Due(element.Due),
        Input = Fill(element.Input),
        Arguments = Fill(element.Arguments),
        Default = element.Default is { } key && _flowKeys.Contains(key) ? FlowKey(key) : element.Default,
        Boundary = element.Boundary?.Select(b => b is null ? b! : b with { Id = prefix + b.Id, Due = fill.Due(b.Due)!, To = Id(b.To) }).ToList(),
    };

    public FlowDefinition Flow(FlowDefinition flow) => flow with
    {
        From = Id(flow.From)!,
        To = Id(flow.To)!,
        Id = flow.Id is null ? null : prefix + flow.Id,
        Condition = Condition(flow.Condition),
    };

    private string? Id(string? id) => id is not null && ids.Contains(id) ? prefix + id : id;

    /// <summary>A flow key as written inside the definition (<c>a->b</c> or a flow id), as the expanded flow's key.</summary>
    private string FlowKey(string key)
    {
        var arrow = key.IndexOf("->", StringComparison.Ordinal);
        return arrow < 0 ? prefix + key : $"{Id(key[..arrow])}->{Id(key[(arrow + 2)..])}";
    }

    private Condition? Condition(Condition? condition) => fill.Condition(Scoped(condition));

    private Condition? Scoped(Condition? condition) => condition is null ? null : condition with
    {
        Variable = Variable(condition.Variable),
        All = condition.All?.Select(c => Scoped(c)!).ToList(),
        Any = condition.Any?.Select(c => Scoped(c)!).ToList(),
    };

    /// <summary><c>verification.outcome</c> inside the definition is <c>{callId}-verification.outcome</c> once expanded.</summary>
    private string? Variable(string? variable)
    {
        if (variable is null) return null;
        var dot = variable.IndexOf('.');
        return ids.Contains(dot < 0 ? variable : variable[..dot]) ? prefix + variable : variable;
    }

    private Dictionary<string, JsonElement>? Fill(IReadOnlyDictionary<string, JsonElement>? values) =>
        values?.ToDictionary(v => v.Key, v => fill.Json(v.Value), StringComparer.Ordinal);
}
