using System.Text.Json;
using Json.Schema;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Schema;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>The templates the engine ships with, and the JSON Schema it publishes, agree with each other and with the validator.</summary>
[Trait("Category", "Unit")]
public sealed class BuiltInTemplatesTests
{

    public static readonly TheoryData<string> BuiltIn = new() { "national", "municipal" };

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateHasNoProblem(string key)
    {
        var problems = TemplateValidator.BuiltIn.Validate(TemplateCatalog.Parse(TemplateResources.BuiltIn(key)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateConformsToThePublishedSchema(string key)
    {
        using var document = JsonDocument.Parse(TemplateResources.BuiltIn(key));
        AssertConforms(document.RootElement);
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateReadsStrictlyAndIsStoredInAFormThatConformsToTheSchema(string key)
    {
        using var document = JsonDocument.Parse(TemplateResources.BuiltIn(key));
        var stored = TemplateDocument.Write(TemplateDocument.Read(document.RootElement));
        using var reread = JsonDocument.Parse(stored);
        AssertConforms(reread.RootElement);
        Assert.Equal(stored, TemplateDocument.Write(TemplateDocument.Read(reread.RootElement)));
    }

    [Fact]
    public void TheSchemaListsEveryElementTypeAndRoleAsTheDocumentSpellsThem()
    {
        using var schema = JsonDocument.Parse(TemplateSchema.Json);
        var definitions = schema.RootElement.GetProperty("$defs");
        var properties = definitions.GetProperty("element").GetProperty("properties");
        Assert.Equal(Enum.GetValues<ElementType>().Select(t => JsonSerializer.Serialize(t, TemplateCatalog.Json).Trim('"')),
            properties.GetProperty("type").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Roles.All, properties.GetProperty("role").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void TheTinyTemplateAsStoredConformsToTheSchema()
    {
        using var document = JsonDocument.Parse(TemplateDocument.Write(TinyTemplate.Valid));
        AssertConforms(document.RootElement);
    }

    [Theory]
    [InlineData("""{"id":"x","type":"userTsk"}""")]
    [InlineData("""{"id":"x","type":"userTask","title":"无角色","stage":"review"}""")]
    [InlineData("""{"id":"x","type":"timerEvent","due":{"month":5,"workingDays":3}}""")]
    [InlineData("""{"id":"x","type":"userTask","title":"t","role":"township-staff","stage":"review","rol":"x"}""")]
    [InlineData("""{"id":"a.b","type":"endEvent"}""")]
    public void TheSchemaRefusesADefectiveElement(string element)
    {
        var tiny = TemplateDocument.Write(TinyTemplate.Valid);
        using var document = JsonDocument.Parse(tiny.Replace("\"elements\": [", "\"elements\": [" + element + ",", StringComparison.Ordinal));
        Assert.False(PublishedSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);
    }

    private static void AssertConforms(JsonElement document)
    {
        var result = PublishedSchema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }
}
