using System.Reflection;

namespace Shizhu.Workflows.Templates.Schema;

/// <summary>The published JSON Schema (draft 2020-12) of a template document, embedded in the engine.</summary>
public static class TemplateSchema
{
    public const string MediaType = "application/schema+json";
    private const string ResourceName = "Templates.Schema.template.schema.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema's text, as served at <c>GET /api/templates/schema</c>.</summary>
    public static string Json => Text.Value;
}
