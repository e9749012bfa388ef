using System.Text.Json;
using Json.Schema;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Schema;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// The built-in templates define the inspection pattern once and call it for the three county checks; expanded, they
/// are exactly the templates as they were written out before (kept in <c>Templates/WrittenOut</c>), which workflows
/// already running keep in the database and must go on running (ADR 0012).
/// </summary>
public sealed class BuiltInSubProcessTests
{
    public static readonly TheoryData<string> BuiltIn = new() { "national", "municipal" };

    /// <summary>Built in a registry of its own: the global one already holds the schema's <c>$id</c> from other tests.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(TemplateSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateExpandsToExactlyTheTemplateAsItWasWrittenOut(string key)
    {
        var expanded = TemplateCatalog.Parse(Resource(typeof(TemplateCatalog), $"Templates.{key}.json"));
        var writtenOut = TemplateCatalog.Parse(Resource(typeof(BuiltInSubProcessTests), $"WrittenOut.{key}.json"));

        Assert.Equal(Lines(TemplateDocument.Write(writtenOut)), Lines(TemplateDocument.Write(expanded)));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateCallsTheInspectionSubProcessOncePerCountyCheck(string key)
    {
        var document = TemplateCatalog.ParseDocument(Resource(typeof(TemplateCatalog), $"Templates.{key}.json"));

        Assert.Equal("inspection", Assert.Single(document.SubProcesses!).Key);
        Assert.Equal(["county-survey", "county-hidden-inspection", "county-technical-assessment"],
            document.Elements.Where(e => e.Type == ElementType.SubProcess && e.Calls == "inspection").Select(e => e.Stage));
        Assert.Empty(TemplateValidator.BuiltIn.Validate(document));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void TheFormerWrittenOutTemplateStillValidatesAndConformsToTheSchema(string key)
    {
        var json = Resource(typeof(BuiltInSubProcessTests), $"WrittenOut.{key}.json");
        Assert.Empty(TemplateValidator.BuiltIn.Validate(TemplateCatalog.ParseDocument(json)));
        using var document = JsonDocument.Parse(json);
        Assert.True(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Theory]
    [InlineData("""{"key":"x","name":"缺入口","exit":"a","elements":[{"id":"a","type":"parallelGateway"}],"flows":[]}""")]
    [InlineData("""{"key":"x","name":"含开始事件","entry":"a","exit":"a","elements":[{"id":"a","type":"startEvent"}],"flows":[]}""")]
    [InlineData("""{"key":"x","name":"参数键","entry":"a","exit":"a","parameters":[{"key":"stage","label":"阶段"}],"elements":[{"id":"a","type":"parallelGateway"}],"flows":[]}""")]
    public void TheSchemaRefusesADefectiveSubProcessDefinition(string definition)
    {
        var tiny = TemplateDocument.Write(TinyTemplate.Valid);
        using var document = JsonDocument.Parse(tiny.Replace("\"elements\": [", $"\"subProcesses\": [{definition}], \"elements\": [", StringComparison.Ordinal));
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Theory]
    [InlineData("""{"id":"x","type":"subProcess","calls":"review"}""")]
    [InlineData("""{"id":"x","type":"subProcess","stage":"review","calls":"review","due":{"workingDays":5}}""")]
    [InlineData("""{"id":"x","type":"userTask","title":"t","role":"township-staff","stage":"review","calls":"review"}""")]
    [InlineData("""{"id":"x","type":"subProcess","stage":"review","calls":"review","arguments":{"d":{"workingDays":5,"month":5}}}""")]
    public void TheSchemaRefusesADefectiveCall(string element)
    {
        var tiny = TemplateDocument.Write(TinyTemplate.Valid);
        using var document = JsonDocument.Parse(tiny.Replace("\"elements\": [", "\"elements\": [" + element + ",", StringComparison.Ordinal));
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void TheSchemaAcceptsTheSubProcessTemplateAsStored()
    {
        using var document = JsonDocument.Parse(TemplateDocument.Write(SubProcessTemplate.Valid));
        Assert.True(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    private static string[] Lines(string json) => json.Split('\n');

    private static string Resource(Type owner, string name)
    {
        using var stream = owner.Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
