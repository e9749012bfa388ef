using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates.Bpmn;

/// <summary>The diff of two versions names each element added, removed or changed, and each changed field with its values.</summary>
[Trait("Category", "Unit")]
public sealed class TemplateDiffTests
{
    [Fact]
    public void AChangedDeadlineAnAddedEvidenceRequirementAndARemovedTaskAreEachListedWithTheirField()
    {
        var before = TemplateCatalog.ParseDocument(TemplateResources.BuiltIn("municipal"));
        var task = before.Elements.Single(e => e.Id == "leading-group");
        var after = before with
        {
            Elements = [.. before.Elements.Where(e => e.Id != "work-plan").Select(e => e.Id != task.Id ? e : e with
            {
                Due = new DueRule(Year: "target", Month: 2),
                Evidence = [.. e.Evidence!, new EvidenceRequirement("meeting-minutes", "会议纪要")],
            })],
        };

        var changes = TemplateDiff.Compare(before, after);

        Assert.Contains(changes, c => (c.Kind, c.Id, c.Change, c.Field) == ("element", "leading-group", "changed", "due")
            && c.Before!.Contains("\"month\":1", StringComparison.Ordinal) && c.After!.Contains("\"month\":2", StringComparison.Ordinal));
        Assert.Contains(changes, c => (c.Id, c.Field) == ("leading-group", "evidence") && c.After!.Contains("会议纪要", StringComparison.Ordinal));
        Assert.Contains(changes, c => (c.Kind, c.Id, c.Change) == ("element", "work-plan", "removed"));
        Assert.Equal("期限", TemplateDiff.FieldName("due"));
        Assert.Empty(TemplateDiff.Compare(before, before));
    }
}
