using System.Text.Json;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Versions;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>Evidence requirements, and <c>requiredFor</c> narrowing a required one to some of the task's outcomes.</summary>
[Trait("Category", "Unit")]
public sealed class EvidenceRequirementRulesTests
{
    private static TemplateDefinition CheckAsking(EvidenceRequirement requirement) =>
        TinyTemplate.Valid.Changing("check", e => e with { Evidence = [requirement] });

    [Fact]
    public void RequiredForNamingTheTasksOwnOutcomesIsValidAndConformsToTheSchema()
    {
        var template = CheckAsking(new EvidenceRequirement("certificate", "审核合格证明", RequiredFor: ["passed"]));

        Assert.Empty(template.Problems());
        using var document = JsonDocument.Parse(TemplateDocument.Write(template));
        Assert.True(PublishedSchema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void RequiredForAnOutcomeTheTaskDoesNotHaveIsLocatedAtThatEntry()
    {
        var problem = CheckAsking(new EvidenceRequirement("certificate", "审核合格证明", RequiredFor: ["passed", "approved"]))
            .SingleProblem("check", "evidence[0].requiredFor[1]", UnknownOutcome);

        Assert.Contains("approved", problem.Message);
    }

    [Fact]
    public void RequiredForOnATaskWithoutOutcomesIsAnUnknownOutcome() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Evidence = [new EvidenceRequirement("plan", "实施方案", RequiredFor: ["passed"])] })
            .SingleProblem("submit", "evidence[0].requiredFor[0]", UnknownOutcome);

    [Fact]
    public void RequiredForMayNotBeEmptyNorSitOnAnOptionalRequirement()
    {
        CheckAsking(new EvidenceRequirement("certificate", "审核合格证明", RequiredFor: [])).SingleProblem("check", "evidence[0].requiredFor", Required);
        CheckAsking(new EvidenceRequirement("certificate", "审核合格证明", Required: false, RequiredFor: ["passed"]))
            .SingleProblem("check", "evidence[0].requiredFor", NotAllowed);
    }

    [Fact]
    public void EvidenceKeysMustBeDistinct() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Evidence = [new("plan", "实施方案"), new("plan", "实施方案（修订）")] })
            .SingleProblem("submit", "evidence[1].key", Duplicate);

    [Fact]
    public void AnEvidenceKeyIsWhatAnUploadCanNameSoAsciiOnly() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Evidence = [new("实施方案", "实施方案")] })
            .SingleProblem("submit", "evidence[0].key", InvalidId);

    [Theory]
    [InlineData("""{"key":"c","label":"证明","requiredFor":["passed"]}""", true)]
    [InlineData("""{"key":"实施方案","label":"证明"}""", false)]
    [InlineData("""{"key":"c","label":"证明","required":true,"requiredFor":["passed"]}""", true)]
    [InlineData("""{"key":"c","label":"证明","required":false}""", true)]
    [InlineData("""{"key":"c","label":"证明","requiredFor":[]}""", false)]
    [InlineData("""{"key":"c","label":"证明","required":false,"requiredFor":["passed"]}""", false)]
    [InlineData("""{"key":"c","label":"证明","requiredFor":"passed"}""", false)]
    public void TheSchemaChecksRequiredFor(string evidence, bool valid)
    {
        var tiny = TemplateDocument.Write(TinyTemplate.Valid);
        var element = """{"id":"x","type":"userTask","title":"t","role":"county-admin","stage":"review","outcomes":["passed"],"evidence":[""" + evidence + "]},";
        using var document = JsonDocument.Parse(tiny.Replace("\"elements\": [", "\"elements\": [" + element, StringComparison.Ordinal));
        Assert.Equal(valid, PublishedSchema.Value.Evaluate(document.RootElement).IsValid);
    }
}
