namespace Shizhu.Workflows.Templates;

/// <summary>
/// A declarative condition over the workflow's variables: no code is compiled or run. A leaf compares one
/// <see cref="Variable"/> (task outcomes are variables named <c>{taskId}.outcome</c>, form fields
/// <c>{taskId}.{field}</c>); <see cref="All"/> and <see cref="Any"/> combine conditions.
/// </summary>
public sealed record Condition(
    string? Variable = null,
    string? EqualTo = null,
    string? NotEqualTo = null,
    decimal? LessThan = null,
    decimal? AtLeast = null,
    IReadOnlyList<Condition>? All = null,
    IReadOnlyList<Condition>? Any = null);
