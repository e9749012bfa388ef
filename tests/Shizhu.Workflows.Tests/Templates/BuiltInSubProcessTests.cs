using System.Text.Json;
using Json.Schema;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Schema;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// The built-in templates define the inspection pattern once and call it for the three county checks, and the nine county
/// departments' guidance once for the creation year (ADR 0026). The release before (kept in <c>Templates/Previous</c>,
/// which running workflows keep and must go on running) expanded to the templates as they were written out before it
/// (<c>Templates/WrittenOut</c>, version 1, ADR 0012) but for the departments' guidance it gave to the nine departments (ADR 0015).
/// </summary>
[Trait("Category", "Unit")]
public sealed class BuiltInSubProcessTests
{
    public static readonly TheoryData<string> BuiltIn = new() { "national", "municipal" };

    /// <summary>Built in a registry of its own: the global one already holds the schema's <c>$id</c> from other tests.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(TemplateSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ThePreviousBuiltInTemplateExpandsToTheTemplateAsItWasWrittenOutButForTheDepartmentsGuidance(string key)
    {
        var expanded = TemplateCatalog.Parse(TemplateResources.Previous(key));
        var writtenOut = TemplateCatalog.Parse(TemplateResources.WrittenOut(key));

        // Version 2 gave the county office's one guidance task per check to the nine county departments; all else
        // is element for element what version 1 wrote out.
        Assert.Equal(Lines(TemplateDocument.Write(WithoutGuidance(writtenOut))), Lines(TemplateDocument.Write(WithoutGuidance(expanded))));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EveryCountyDepartmentsGuidanceIsOneSignatureOfOneCountersignForTheCreationYearInParallelWithTheCreation(string key)
    {
        var expanded = TemplateCatalog.Parse(TemplateResources.BuiltIn(key));

        var guidance = Assert.Single(expanded.Elements, e => e.Scope == TaskScope.Department);
        Assert.Equal(("department-guidance-sign", "county-department", "department-guidance"), (guidance.Id, guidance.Role!, guidance.Stage!));
        Assert.Equal(ReferenceDataSeeder.CountyDepartments.Select(d => d.Code).Order(), guidance.MultiInstance!.DepartmentCodes!.Order());
        Assert.Equal(("parallel", "all", 9), (guidance.MultiInstance.Mode, guidance.MultiInstance.Completion, guidance.MultiInstance.Required));
        Assert.Null(guidance.DepartmentCode);
        Assert.Equal(new DueRule(Year: "target", Month: 10), guidance.Due);
        Assert.Contains(guidance.Evidence!, r => r.Key == "supporting-evidence" && r.Required);
        Assert.Contains(expanded.Flows, f => f.From == "creation-fork" && f.To == "department-guidance-wait");
        Assert.Contains(expanded.Flows, f => f.From == "department-guidance-wait" && f.To == guidance.Id);
        Assert.Contains(expanded.Flows, f => f.From == guidance.Id && f.To == "creation-join");
        Assert.DoesNotContain(expanded.Elements, e => e.Id.StartsWith("county-", StringComparison.Ordinal) && e.Id.Contains("guidance", StringComparison.Ordinal));
    }

    private static TemplateDefinition WithoutGuidance(TemplateDefinition template)
    {
        static bool IsGuidance(string id) => id.Contains("-guidance", StringComparison.Ordinal);
        return template with
        {
            Elements = [.. template.Elements.Where(e => !IsGuidance(e.Id))],
            Flows = [.. template.Flows.Where(f => !IsGuidance(f.From) && !IsGuidance(f.To))],
        };
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateCallsTheInspectionSubProcessOncePerCountyCheck(string key)
    {
        var document = TemplateCatalog.ParseDocument(TemplateResources.BuiltIn(key));

        Assert.Equal(["inspection", "department-guidance"], document.SubProcesses!.Select(s => s.Key));
        Assert.Equal(["county-survey", "county-hidden-inspection", "county-technical-assessment"],
            document.Elements.Where(e => e.Type == ElementType.SubProcess && e.Calls == "inspection").Select(e => e.Stage));
        Assert.Empty(TemplateValidator.BuiltIn.Validate(document));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void TheFormerWrittenOutTemplateStillValidatesAndConformsToTheSchema(string key)
    {
        var json = TemplateResources.WrittenOut(key);
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
}
