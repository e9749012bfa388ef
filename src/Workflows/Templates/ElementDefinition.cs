using System.Text.Json;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Templates;

/// <summary>
/// One element of a template. A flat record: each <see cref="Type"/> uses the fields it needs and the
/// validator names any that are missing (user tasks need a title and role, timer events a due rule, …).
/// A user task with <see cref="MultiInstance"/> is a 会签/或签: one task per listed department, user or role (ADR 0045).
/// A <see cref="ElementType.SubProcess"/> call names the sub-process it <see cref="Calls"/> and passes its <see cref="Arguments"/>.
/// </summary>
public sealed record ElementDefinition(
    string Id,
    ElementType Type,
    string? Stage = null,
    string? Title = null,
    string? Description = null,
    string? Role = null,
    TaskScope? Scope = null,
    string? DepartmentCode = null,
    DueRule? Due = null,
    IReadOnlyList<string>? Outcomes = null,
    IReadOnlyList<FormField>? Form = null,
    IReadOnlyList<EvidenceRequirement>? Evidence = null,
    IReadOnlyList<BoundaryTimer>? Boundary = null,
    string? Action = null,
    IReadOnlyDictionary<string, JsonElement>? Input = null,
    string? Message = null,
    string? Default = null,
    string? Calls = null,
    IReadOnlyDictionary<string, JsonElement>? Arguments = null,
    MultiInstanceDefinition? MultiInstance = null);
