namespace Shizhu.Workflows.Templates.SubProcesses;

/// <summary>
/// A template with its calls expanded (<see cref="Template"/>), where each expanded element, boundary timer and flow is
/// written in the document (<see cref="Origins"/>: <c>{callId}/{innerId}</c>, nested <c>{callId}/{innerCallId}/{innerId}</c>,
/// or the flow into or out of a call as written), and the ids each top-level call produced (<see cref="IdsByCall"/>).
/// </summary>
internal sealed record SubProcessExpansion(
    TemplateDefinition Template,
    IReadOnlyDictionary<string, string> Origins,
    IReadOnlyDictionary<string, IReadOnlyList<string>> IdsByCall);
