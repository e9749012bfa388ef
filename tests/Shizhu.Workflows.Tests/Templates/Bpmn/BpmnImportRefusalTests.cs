using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates.Bpmn;

/// <summary>
/// What the engine cannot run is refused on import, located by the element's id with a Chinese reason; a document with
/// a DTD (the door to XXE and entity expansion) or larger than the limit is not read at all.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BpmnImportRefusalTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
        """;

    private static InvalidTemplateException Refusal(string xml) => Assert.Throws<InvalidTemplateException>(() => BpmnImporter.Import(xml));

    [Theory]
    [InlineData("<bpmn:scriptTask id=\"compute\" />", "compute", "userTask")]
    [InlineData("<bpmn:inclusiveGateway id=\"either\" />", "either", "exclusiveGateway")]
    [InlineData("<bpmn:subProcess id=\"inner\" />", "inner", "callActivity")]
    [InlineData("<bpmn:intermediateThrowEvent id=\"signal\" />", "signal", "抛出事件")]
    [InlineData("<bpmn:endEvent id=\"stop\"><bpmn:terminateEventDefinition /></bpmn:endEvent>", "stop", "普通结束")]
    [InlineData("<bpmn:userTask id=\"each\"><bpmn:standardLoopCharacteristics /></bpmn:userTask>", "each", "循环")]
    [InlineData("<bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"s\"><bpmn:conditionExpression>${x}</bpmn:conditionExpression></bpmn:sequenceFlow>", "f", "shizhu:condition")]
    public void AnElementTheEngineCannotRunIsRefusedWithItsIdAndAChineseReason(string element, string id, string hint)
    {
        var e = Refusal($"{Head}<bpmn:process id=\"p\"><bpmn:startEvent id=\"s\" />{element}</bpmn:process></bpmn:definitions>");

        var problem = Assert.Single(e.Problems);
        Assert.Equal((id, "bpmn", TemplateProblemCodes.UnsupportedBpmn), (problem.ElementId, problem.Field, problem.Code));
        Assert.Contains(hint, problem.Message, StringComparison.Ordinal);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.Message);
    }

    [Fact]
    public void AnExternalEntityIsNeverResolvedBecauseADocumentWithADtdIsRefused()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE d [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&xxe;" /></bpmn:definitions>
                """;

            var problem = Assert.Single(Refusal(xml).Problems);

            Assert.Contains("DTD", problem.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void ADocumentLargerThanTheLimitIsNotRead()
    {
        var xml = $"{Head}<bpmn:process id=\"p\"><bpmn:documentation>{new string('x', BpmnImporter.MaxCharacters)}</bpmn:documentation></bpmn:process></bpmn:definitions>";

        Assert.Single(Refusal(xml).Problems);
    }

    [Fact]
    public void BrokenXmlIsRefusedWithItsLine()
    {
        var problem = Assert.Single(Refusal($"{Head}\n<bpmn:process id=\"p\">").Problems);

        Assert.Contains("第", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APoolIsRefusedBecauseATemplateIsOneProcess()
    {
        var e = Refusal($"{Head}<bpmn:collaboration id=\"pool\" /><bpmn:process id=\"p\" /></bpmn:definitions>");

        Assert.Equal("pool", Assert.Single(e.Problems).ElementId);
    }

    [Fact]
    public void AFileSavedByAModelerWithoutOurExtensionImportsItsShapeForTheValidatorToJudge()
    {
        // What bpmn.io writes for a start → user task → end: the importer takes the flow; role, scope and stage are the
        // validator's to ask for when the draft is saved.
        var xml = $"""
            {Head}<bpmn:process id="Process_1" isExecutable="false">
              <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
              <bpmn:userTask id="Activity_1" name="填写申报"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:userTask>
              <bpmn:endEvent id="Event_1" />
              <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_1" />
              <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_1" targetRef="Event_1" />
            </bpmn:process></bpmn:definitions>
            """;

        var template = BpmnImporter.Import(xml);

        Assert.Equal("1", template.Key);
        Assert.Equal(["StartEvent_1", "Activity_1", "Event_1"], template.Elements.Select(e => e.Id));
        Assert.Equal(ElementType.UserTask, template.Elements[1].Type);
        Assert.Equal("填写申报", template.Elements[1].Title);
        Assert.Equal(["Flow_1", "Flow_2"], template.Flows.Select(f => f.Key));
    }

    [Fact]
    public void TheMunicipalTemplateExportIsWellUnderTheLimit() =>
        Assert.True(BpmnExporter.Export(TemplateCatalog.ParseDocument(TemplateResources.BuiltIn("municipal"))).Length < BpmnImporter.MaxCharacters / 4);
}
