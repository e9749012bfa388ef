namespace Shizhu.Workflows.Templates;

/// <summary>
/// 会签 / 或签: a user task done once per entry of one source list — <see cref="DepartmentCodes"/> (one instance per county
/// department, in its department scope), <see cref="Users"/> (one per user name, assigned to them) or <see cref="Roles"/>
/// (one per role) — in parallel or one after another (<see cref="Mode"/>), complete when <see cref="Completion"/> holds:
/// <c>all</c> sign, <c>any</c> one signs, or <c>atLeast</c> <see cref="AtLeast"/> sign (ADR 0045). All instances wait on
/// the element's one token; an instance choosing an outcome other than the element's first ends the element with it.
/// </summary>
public sealed record MultiInstanceDefinition(
    string? Mode = null,
    IReadOnlyList<string>? DepartmentCodes = null,
    IReadOnlyList<string>? Users = null,
    IReadOnlyList<string>? Roles = null,
    string? Completion = null,
    int? AtLeast = null)
{
    public const string Parallel = "parallel";
    public const string SequentialMode = "sequential";
    public const string All = "all";
    public const string Any = "any";
    public const string AtLeastCompletion = "atLeast";

    public static readonly IReadOnlyList<string> Modes = [Parallel, SequentialMode];
    public static readonly IReadOnlyList<string> Completions = [All, Any, AtLeastCompletion];

    /// <summary>One instance after another (the next opens when the previous is completed) rather than all at once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Sequential => Mode == SequentialMode;

    /// <summary>The source's entries, one instance each, in order (the order sequential instances open in).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Keys => DepartmentCodes ?? Users ?? Roles ?? [];

    /// <summary>How many signatures complete the element.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Required => Completion switch
    {
        Any => 1,
        AtLeastCompletion => AtLeast ?? Keys.Count,
        _ => Keys.Count,
    };

    /// <summary>The Chinese name people read: 会签 when every instance must sign, 或签 when one suffices, else 会签（至少 n 份）.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Name => Completion switch
    {
        Any => "或签",
        AtLeastCompletion => $"会签（至少 {AtLeast} 份）",
        _ => "会签",
    };
}
