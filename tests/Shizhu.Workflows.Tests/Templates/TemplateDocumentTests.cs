using System.Text.Json;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>Reading a document a person sent: strictly, with what cannot be read located like any other problem.</summary>
[Trait("Category", "Unit")]
public sealed class TemplateDocumentTests
{
    [Fact]
    public void AMisspeltFieldIsNamedWithItsElementRatherThanIgnored()
    {
        var json = TemplateDocument.Write(TinyTemplate.Valid).Replace("\"role\": \"township-staff\"", "\"rol\": \"township-staff\"", StringComparison.Ordinal);
        var problem = Refused(json);
        Assert.Equal(("submit", "rol", InvalidJson), (problem.ElementId, problem.Field, problem.Code));
    }

    [Fact]
    public void AValueOfTheWrongKindIsNamedWithItsFlow()
    {
        var json = TemplateDocument.Write(TinyTemplate.Valid).Replace("\"equalTo\": \"returned\"", "\"equalTo\": 7", StringComparison.Ordinal);
        var problem = Refused(json);
        Assert.Equal(("checked->submit", "condition.equalTo", InvalidJson), (problem.ElementId, problem.Field, problem.Code));
    }

    [Fact]
    public void AnUnknownElementTypeIsNamedWithItsElement()
    {
        var json = TemplateDocument.Write(TinyTemplate.Valid).Replace("\"type\": \"exclusiveGateway\"", "\"type\": \"inclusiveGateway\"", StringComparison.Ordinal);
        Assert.Equal(("checked", "type"), (Refused(json).ElementId, Refused(json).Field));
    }

    [Fact]
    public void AnElementWithoutATypeIsNotTakenForAStartEvent()
    {
        var json = TemplateDocument.Write(TinyTemplate.Valid).Replace("\"type\": \"endEvent\"", "\"title\": \"结束\"", StringComparison.Ordinal);
        var problem = Refused(json);
        Assert.Equal(("end", "type", Required), (problem.ElementId, problem.Field, problem.Code));
    }

    [Fact]
    public void AFieldGivenTwiceIsNamedRatherThanOneOfThemSilentlyKept()
    {
        var json = TemplateDocument.Write(TinyTemplate.Valid).Replace("\"role\": \"township-staff\"", "\"role\": \"township-staff\", \"role\": \"county-admin\"", StringComparison.Ordinal);
        var problem = Refused(json);
        Assert.Equal(("submit", "role", InvalidJson), (problem.ElementId, problem.Field, problem.Code));
    }

    [Fact]
    public void ADocumentThatIsNotAnObjectIsRefused() => Assert.Equal("template", Refused("[1, 2]").ElementId);

    [Fact]
    public void ASchemaReferenceAtTheTopIsAllowed()
    {
        var json = "{\"$schema\": \"/api/templates/schema\"," + TemplateDocument.Write(TinyTemplate.Valid)[1..];
        using var document = JsonDocument.Parse(json);
        Assert.Equal("municipal", TemplateDocument.Read(document.RootElement).Key);
    }

    [Fact]
    public void TheStoredFormLeavesOutNullsAndComputedFlowKeysAndKeepsChineseReadable()
    {
        var stored = TemplateDocument.Write(TinyTemplate.Valid);
        Assert.DoesNotContain("null", stored);
        Assert.DoesNotContain("\"key\": \"start->submit\"", stored);
        Assert.Contains("提交创建材料", stored);
        using var document = JsonDocument.Parse(stored);
        Assert.Equal(stored, TemplateDocument.Write(TemplateDocument.Read(document.RootElement)));
    }

    private static TemplateProblem Refused(string json)
    {
        using var document = JsonDocument.Parse(json);
        var refusal = Assert.Throws<InvalidTemplateException>(() => TemplateDocument.Read(document.RootElement));
        var problem = Assert.Single(refusal.Problems);
        Assert.Matches(TinyTemplate.Chinese(), problem.Message);
        return problem;
    }
}
