namespace Shizhu.Workflows.Templates;

/// <summary>One version of a stage template. A published version never changes.</summary>
public sealed class TemplateVersion
{
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string Name { get; set; }
    public required string Track { get; set; }
    public TemplateStatus Status { get; set; } = TemplateStatus.Draft;
    /// <summary>The <see cref="TemplateDefinition"/> as JSON.</summary>
    public required string Definition { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// Who wrote this version: <see cref="BuiltInAuthor"/> for a built-in template the engine seeded, else the
    /// administrator who saved the draft. The seeder only adds a new built-in version on top of its own.
    /// </summary>
    public string? CreatedBy { get; init; }

    /// <summary>The display name of <see cref="CreatedBy"/> when the draft was saved, for people to read.</summary>
    public string? CreatedByName { get; init; }

    /// <summary>Who published this version (user name and display name); null for a draft and a built-in release.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByName { get; set; }

    public const string BuiltInAuthor = "system";
}
