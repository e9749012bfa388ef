using System.Text.Json.Serialization;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Templates;

/// <summary>The JSON document of a stage template: an ordered list of stages, each with user tasks.</summary>
public sealed record TemplateDefinition(string Key, string Name, string Track, IReadOnlyList<StageDefinition> Stages);

/// <summary>A stage: the milestone users see, holding the tasks that must all be done to leave it.</summary>
public sealed record StageDefinition(string Key, string Name, IReadOnlyList<TaskDefinition> Tasks);

/// <summary>
/// A user task. Tasks of a stage start together unless <see cref="DependsOn"/> names tasks of the same
/// stage that must be completed first (the county survey comes before its rectification report).
/// </summary>
public sealed record TaskDefinition(
    string Key,
    string Title,
    string Role,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TaskScope>))] TaskScope Scope,
    DueRule? Due = null,
    IReadOnlyList<string>? DependsOn = null,
    IReadOnlyList<string>? Outcomes = null);
