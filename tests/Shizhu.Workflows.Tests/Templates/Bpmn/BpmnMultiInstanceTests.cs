using System.Xml.Linq;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Operations;

namespace Shizhu.Workflows.Tests.Templates.Bpmn;

/// <summary>
/// A 会签/或签 in BPMN (ADR 0045): <c>multiInstanceLoopCharacteristics</c> with <c>isSequential</c> and a
/// <c>completionCondition</c> a foreign modeller understands, our instance list in extension elements; the round trip is exact.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BpmnMultiInstanceTests
{
    public static readonly TheoryData<string, string, int?> Settings = new()
    {
        { "parallel", "all", null }, { "sequential", "atLeast", 2 }, { "parallel", "any", null },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void ACountersignatureOfDepartmentsComesBackFromBpmnUnchanged(string mode, string completion, int? atLeast)
    {
        var template = MultiInstanceTemplates.With(mode, completion, atLeast);

        var imported = BpmnImporter.Import(BpmnExporter.Export(template));

        Assert.Equal(TemplateDocument.Write(template), TemplateDocument.Write(imported));
    }

    [Fact]
    public void TheExportCarriesTheSequentialMarkerAndACompletionConditionInNrOfCompletedInstances()
    {
        var xml = XDocument.Parse(BpmnExporter.Export(MultiInstanceTemplates.With("sequential", "atLeast", 2)));

        var loop = Assert.Single(xml.Descendants(BpmnNames.Model + "multiInstanceLoopCharacteristics"));
        Assert.Equal("true", (string?)loop.Attribute("isSequential"));
        Assert.Equal("${nrOfCompletedInstances >= 2}", loop.Element(BpmnNames.Model + "completionCondition")!.Value);
        Assert.Equal(MultiInstanceTemplates.Departments, loop.Descendants(BpmnNames.Ext + "instance").Select(i => (string?)i.Attribute("departmentCode")));
    }

    [Fact]
    public void AnAnyOneSignatureByRolesAndAListOfUsersComeBackUnchanged()
    {
        var byRoles = MultiInstanceTemplates.With() with
        {
            Elements = [.. MultiInstanceTemplates.With().Elements.Select(e => e.Id == "prepare"
                ? e with { Role = null, MultiInstance = new MultiInstanceDefinition(Roles: [Roles.CountyAdmin, Roles.CountyLeader], Completion: "any") }
                : e.Id == "redo" ? e with { MultiInstance = new MultiInstanceDefinition("sequential", Users: ["wang", "li"]) } : e)],
        };

        var imported = BpmnImporter.Import(BpmnExporter.Export(byRoles));

        Assert.Equal(TemplateDocument.Write(byRoles), TemplateDocument.Write(imported));
    }

    [Fact]
    public void AForeignCompletionConditionIsRefusedInChinese()
    {
        var xml = BpmnExporter.Export(MultiInstanceTemplates.With()).Replace("${nrOfCompletedInstances == nrOfInstances}", "${approvals > 2}", StringComparison.Ordinal)
            .Replace(" shizhu:completion=\"all\"", "", StringComparison.Ordinal);

        var refused = Assert.Throws<Workflows.Templates.Validation.InvalidTemplateException>(() => BpmnImporter.Import(xml));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("sign", problem.ElementId);
        Assert.StartsWith("不支持的会签完成条件“${approvals > 2}”", problem.Message, StringComparison.Ordinal);
    }
}
