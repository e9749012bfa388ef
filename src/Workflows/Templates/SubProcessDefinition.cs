namespace Shizhu.Workflows.Templates;

/// <summary>
/// A named, reusable fragment of a template (the inspection pattern: check → rectification rounds → report →
/// verification). A <see cref="ElementType.SubProcess"/> element calls it by <see cref="Key"/>; flows into the call
/// reach <see cref="Entry"/>, flows out of the call leave from <see cref="Exit"/>. Its elements and flows name
/// each other by their own ids, which the call prefixes (<c>{callId}-{id}</c>). Texts may hold placeholders
/// <c>{parameter}</c>, <c>{call}</c> (the call's id) and <c>{stage}</c> (the call's stage); a due rule may be
/// <c>{"argument": parameter}</c>.
/// </summary>
public sealed record SubProcessDefinition(
    string Key,
    string Name,
    string Entry,
    string Exit,
    IReadOnlyList<ElementDefinition> Elements,
    IReadOnlyList<FlowDefinition> Flows,
    IReadOnlyList<SubProcessParameter>? Parameters = null);

/// <summary>
/// What a call must pass: <see cref="Type"/> <c>text</c> (a string put in place of <c>{key}</c> in texts) or
/// <c>due</c> (a due rule that replaces <c>{"argument": key}</c>).
/// </summary>
public sealed record SubProcessParameter(string Key, string Label, string Type = "text");
