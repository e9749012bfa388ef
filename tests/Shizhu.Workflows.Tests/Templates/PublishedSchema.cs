using Json.Schema;
using Shizhu.Workflows.Templates.Schema;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// The template JSON Schema, parsed once per test run: JsonSchema.Net registers a schema by its <c>$id</c> in a
/// global registry, so a second parse of the same document in another test class would collide with the first.
/// </summary>
public static class PublishedSchema
{
    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromText(TemplateSchema.Json));

    public static JsonSchema Value => Parsed.Value;
}
