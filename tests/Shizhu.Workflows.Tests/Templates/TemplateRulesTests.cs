using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>The document as a whole: key, track and stages.</summary>
[Trait("Category", "Unit")]
public sealed class TemplateRulesTests
{
    [Fact]
    public void TheKeyMustBeATrack() =>
        (TinyTemplate.Valid with { Key = "provincial" }).SingleProblem("template", "key", UnknownKey);

    [Fact]
    public void TheTrackMustBeNationalOrMunicipal() =>
        (TinyTemplate.Valid with { Track = "provincial" }).SingleProblem("template", "track", UnknownTrack);

    [Fact]
    public void TheTrackMustMatchTheKeyBecauseWorkflowsStartOnTheTemplateNamedAfterTheirTrack() =>
        (TinyTemplate.Valid with { Track = "national" }).SingleProblem("template", "track", KeyMismatch);

    [Fact]
    public void ATemplateNeedsANameForPeople() =>
        (TinyTemplate.Valid with { Name = "" }).SingleProblem("template", "name", Required);

    [Fact]
    public void ATemplateNeedsStages() =>
        Assert.Contains((TinyTemplate.Valid with { Stages = [] }).Problems(), p => (p.ElementId, p.Field, p.Code) == ("template", "stages", Required));

    [Fact]
    public void StageKeysMustBeUnique() =>
        (TinyTemplate.Valid with { Stages = [.. TinyTemplate.Valid.Stages, new StageDefinition("review", "再次审核")] })
            .SingleProblem("template", "stages[2].key", Duplicate);

    [Fact]
    public void AStageNoElementBelongsToWouldNeverBeEntered() =>
        (TinyTemplate.Valid with { Stages = [.. TinyTemplate.Valid.Stages, new StageDefinition("archive", "资料归档")] })
            .SingleProblem("template", "stages[2]", UnusedStage);

    [Fact]
    public void NullsInADocumentAreProblemsNotCrashes()
    {
        var template = TinyTemplate.Valid with { Stages = null!, Elements = [null!, .. TinyTemplate.Valid.Elements], Flows = [.. TinyTemplate.Valid.Flows, null!] };
        var problems = template.Problems();
        Assert.Contains(problems, p => (p.ElementId, p.Field) == ("template", "stages"));
        Assert.Contains(problems, p => (p.ElementId, p.Field) == ("template", "elements[0]"));
        Assert.Contains(problems, p => (p.ElementId, p.Field) == ("template", "flows[6]"));
    }

    [Fact]
    public void EveryProblemOfABadlyBrokenTemplateIsLocatedAndToldInChinese()
    {
        var template = TinyTemplate.Valid
            .Changing("submit", e => e with { Title = null, Role = "nobody", Due = new DueRule(YearOffset: 9, Month: 13) })
            .Changing("checked", e => e with { Default = "nowhere" })
            .Adding(new ElementDefinition("orphan", ElementType.TimerEvent))
            .AddingFlows(new FlowDefinition("orphan", "ghost")) with { Key = "county" };
        var problems = template.Problems();
        Assert.True(problems.Count >= 8, string.Join("\n", problems));
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.ElementId));
            Assert.False(string.IsNullOrEmpty(p.Field));
            Assert.Matches(TinyTemplate.Chinese(), p.Message);
        });
    }
}
