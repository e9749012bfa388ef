namespace Shizhu.Workflows.Templates;

/// <summary>A typed field of a user task's form: <c>text</c>, <c>number</c>, <c>date</c>, <c>boolean</c> or <c>select</c>.</summary>
public sealed record FormField(
    string Key,
    string Label,
    string Type = "text",
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    decimal? Min = null,
    decimal? Max = null,
    int? MaxLength = null);
