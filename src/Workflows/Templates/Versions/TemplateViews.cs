using System.Text.Json;
using Shizhu.Workflows.Templates.Validation;

namespace Shizhu.Workflows.Templates.Versions;

/// <summary>A template with its versions, newest first; <see cref="PublishedVersion"/> is the one new workflows start on.</summary>
public sealed record TemplateSummary(string Key, string Name, string Track, int? PublishedVersion, IReadOnlyList<TemplateVersionSummary> Versions);

/// <summary>
/// A version in a template's list; <see cref="CreatedBy"/> is who saved it (<c>system</c> for a built-in release) and
/// <see cref="PublishedBy"/> who published it, each with the display name they had then.
/// </summary>
public sealed record TemplateVersionSummary(int Version, string Name, TemplateStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    string? CreatedBy = null, string? CreatedByName = null, string? PublishedBy = null, string? PublishedByName = null);

/// <summary>One version with its document exactly as stored.</summary>
public sealed record TemplateVersionDetail(
    string Key, int Version, string Name, string Track, TemplateStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, JsonElement Definition);

/// <summary>What validating a stored version found; <see cref="Valid"/> when <see cref="Problems"/> is empty.</summary>
public sealed record TemplateValidationReport(string Key, int Version, TemplateStatus Status, bool Valid, IReadOnlyList<TemplateProblem> Problems);
