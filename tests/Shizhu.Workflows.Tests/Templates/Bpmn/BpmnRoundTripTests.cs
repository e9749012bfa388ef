using System.Xml.Linq;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates.Bpmn;

/// <summary>
/// A template exported as BPMN 2.0 XML and imported again is the same template: the canonical stored JSON of both is
/// equal, for the built-in templates and for generated ones (ADR 0044). The export is real BPMN: standard elements, and
/// a DI shape for every flow node and an edge for every flow, so a modeler can draw it.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BpmnRoundTripTests
{
    public static readonly TheoryData<string> BuiltIn = new() { "national", "municipal" };

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void ABuiltInTemplateExportedAndImportedIsTheSameDocument(string key)
    {
        var template = TemplateCatalog.ParseDocument(TemplateResources.BuiltIn(key));

        var imported = BpmnImporter.Import(BpmnExporter.Export(template));

        Assert.Equal(TemplateDocument.Write(template), TemplateDocument.Write(imported));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void TheExportUsesStandardBpmnElementsAndDrawsEveryNodeAndFlow(string key)
    {
        var template = TemplateCatalog.ParseDocument(TemplateResources.BuiltIn(key));

        var xml = XDocument.Parse(BpmnExporter.Export(template));

        var main = xml.Root!.Elements(BpmnNames.Model + "process").First();
        Assert.Equal(template.Elements.Count(e => e.Type == ElementType.UserTask), main.Elements(BpmnNames.Model + "userTask").Count());
        Assert.Equal(template.Elements.Count(e => e.Type == ElementType.SubProcess), main.Elements(BpmnNames.Model + "callActivity").Count());
        Assert.Equal(template.Elements.Sum(e => e.Boundary?.Count ?? 0), main.Elements(BpmnNames.Model + "boundaryEvent").Count());
        Assert.Contains(main.Elements(BpmnNames.Model + "sequenceFlow"), f => f.Element(BpmnNames.Model + "conditionExpression") is not null);
        Assert.Contains(main.Elements(BpmnNames.Model + "intermediateCatchEvent"), e => e.Element(BpmnNames.Model + "messageEventDefinition") is not null);
        foreach (var process in xml.Root!.Elements(BpmnNames.Model + "process"))
        {
            var plane = xml.Root!.Elements(BpmnNames.BpmnDi + "BPMNDiagram").Select(d => d.Element(BpmnNames.BpmnDi + "BPMNPlane")!)
                .Single(p => (string?)p.Attribute("bpmnElement") == (string?)process.Attribute("id"));
            var drawn = plane.Elements().Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
            var ids = process.Elements().Where(e => e.Name.LocalName != "extensionElements").Select(e => (string)e.Attribute("id")!).ToList();
            Assert.All(ids, id => Assert.Contains(id, drawn));
            Assert.All(plane.Elements(BpmnNames.BpmnDi + "BPMNEdge"), edge => Assert.True(edge.Elements(BpmnNames.Di + "waypoint").Count() >= 2));
        }
    }

    [Fact]
    public void TheLayoutPlacesEachElementRightOfWhatFlowsIntoItUnlessTheFlowClosesALoop()
    {
        var template = TemplateCatalog.ParseDocument(TemplateResources.BuiltIn("municipal"));
        var xml = XDocument.Parse(BpmnExporter.Export(template));
        var main = xml.Root!.Element(BpmnNames.Model + "process")!;
        var bounds = xml.Root!.Descendants(BpmnNames.BpmnDi + "BPMNShape")
            .ToDictionary(s => (string)s.Attribute("bpmnElement")!, s => (double)s.Element(BpmnNames.Dc + "Bounds")!.Attribute("x")!);

        var start = main.Element(BpmnNames.Model + "startEvent")!;
        var first = main.Elements(BpmnNames.Model + "sequenceFlow").First(f => (string?)f.Attribute("sourceRef") == (string?)start.Attribute("id"));

        Assert.True(bounds[(string)first.Attribute("targetRef")!] > bounds[(string)start.Attribute("id")!]);
        var forward = main.Elements(BpmnNames.Model + "sequenceFlow").Count(f =>
            bounds.TryGetValue((string)f.Attribute("sourceRef")!, out var from) && bounds.TryGetValue((string)f.Attribute("targetRef")!, out var to) && to > from);
        // Loops (rectification rounds, roll-overs) flow back; most flows go right.
        Assert.True(forward > main.Elements(BpmnNames.Model + "sequenceFlow").Count() * 3 / 4, $"only {forward} flows go right");
    }
}
