using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.SubProcesses;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>What a sub-process call stands for once expanded: the engine runs this form (ADR 0012).</summary>
[Trait("Category", "Unit")]
public sealed class SubProcessExpansionTests
{
    private static readonly TemplateDefinition Expanded = SubProcessExpander.Expand(SubProcessTemplate.Valid);

    private static ElementDefinition Element(string id) => Assert.Single(Expanded.Elements, e => e.Id == id);

    [Fact]
    public void ACallIsReplacedInItsPlaceByItsInnerElementsWithIdsPrefixedByTheCall()
    {
        Assert.Equal(
            [
                "start",
                "survey-check", "survey-checked", "survey-round", "survey-fix", "survey-done",
                "revisit-check", "revisit-checked", "revisit-round", "revisit-fix", "revisit-done",
                "end",
            ],
            Expanded.Elements.Select(e => e.Id));
        Assert.Null(Expanded.SubProcesses);
        Assert.DoesNotContain(Expanded.Elements, e => e.Type == ElementType.SubProcess);
        Assert.Equal("survey-fix-reminder", Assert.Single(Element("survey-fix").Boundary!).Id);
    }

    [Fact]
    public void FlowsIntoACallReachItsEntryAndFlowsOutOfItLeaveFromItsExit()
    {
        Assert.Equal(
            [
                "survey-check->survey-checked", "survey-checked->survey-round", "survey-round->survey-fix", "survey-fix->survey-check",
                "survey-checked->survey-done",
                "start->survey-check",
                "revisit-check->revisit-checked", "revisit-checked->revisit-round", "revisit-round->revisit-fix", "revisit-fix->revisit-check",
                "revisit-checked->revisit-done",
                "survey-done->revisit-check", "revisit-done->end",
            ],
            Expanded.Flows.Select(f => f.Key));
        Assert.Equal("survey-checked->survey-done", Element("survey-checked").Default);
        Assert.Equal("revisit-check.outcome", Expanded.Flows.Single(f => f.Key == "revisit-checked->revisit-round").Condition!.Variable);
    }

    [Fact]
    public void InnerElementsTakeTheCallsStageAndArgumentsWhileElementsWithoutAStageStayWithout()
    {
        Assert.Equal(("survey", "调研检查", "由 survey 发起"), (Element("survey-check").Stage, Element("survey-check").Title, Element("survey-check").Description));
        Assert.Equal(("revisit", "完成复查整改"), (Element("revisit-fix").Stage, Element("revisit-fix").Title));
        Assert.All(["survey-checked", "survey-round", "survey-done"], id => Assert.Null(Element(id).Stage));
    }

    [Fact]
    public void EachCallHasItsOwnDeadlinesAndItsOwnRoundCounter()
    {
        Assert.Equal(new DueRule(WorkingDays: 5), Element("survey-check").Due);
        Assert.Equal(new DueRule(WorkingDays: 10), Element("survey-fix").Due);
        Assert.Equal(new DueRule(WorkingDays: 3), Element("revisit-check").Due);
        Assert.Equal(new DueRule(WorkingDays: 2), Element("revisit-fix").Due);
        Assert.Equal(new DueRule(Days: 1), Element("revisit-fix").Boundary![0].Due);
        Assert.Equal("rounds.survey", Element("survey-round").Input!["name"].GetString());
        Assert.Equal("rounds.revisit", Element("revisit-round").Input!["name"].GetString());
    }

    [Fact]
    public void ASubProcessMayCallAnotherWhoseElementsArePrefixedByBothCalls()
    {
        var twice = new SubProcessDefinition("twice", "两轮检查", Entry: "first", Exit: "second",
            [
                new ElementDefinition("first", ElementType.SubProcess, Stage: "{stage}", Calls: "review", Arguments: Passed("{checkName}（一）")),
                new ElementDefinition("second", ElementType.SubProcess, Stage: "{stage}", Calls: "review", Arguments: Passed("{checkName}（二）")),
            ],
            [new FlowDefinition("first", "second")],
            [new SubProcessParameter("checkName", "检查名称"), new SubProcessParameter("checkDue", "检查期限", "due"), new SubProcessParameter("fixDue", "整改期限", "due")]);
        var template = SubProcessTemplate.Valid with
        {
            SubProcesses = [SubProcessTemplate.Review, twice],
            Elements = [.. SubProcessTemplate.Valid.Elements.Select(e => e.Id == "survey" ? e with { Calls = "twice" } : e)],
        };

        var expanded = SubProcessExpander.Expand(template);

        Assert.Equal(["survey-first-check", "survey-first-checked", "survey-first-round", "survey-first-fix", "survey-first-done"],
            expanded.Elements.Select(e => e.Id).Skip(1).Take(5));
        Assert.Contains(expanded.Flows, f => f.Key == "start->survey-first-check");
        Assert.Contains(expanded.Flows, f => f.Key == "survey-first-done->survey-second-check");
        Assert.Contains(expanded.Flows, f => f.Key == "survey-second-done->revisit-check");
        var check = expanded.Elements.Single(e => e.Id == "survey-second-check");
        Assert.Equal(("survey", "调研（二）检查", new DueRule(WorkingDays: 5)), (check.Stage, check.Title, check.Due));
        Assert.Equal("rounds.survey-second", expanded.Elements.Single(e => e.Id == "survey-second-round").Input!["name"].GetString());
        Assert.Empty(TemplateValidator.BuiltIn.Validate(template));
    }

    [Fact]
    public void ATemplateWithoutCallsIsRunAsItIsWritten()
    {
        Assert.Same(TinyTemplate.Valid, SubProcessExpander.Expand(TinyTemplate.Valid));
        Assert.Equal(TemplateDocument.Write(TinyTemplate.Valid), TemplateDocument.Write(TemplateCatalog.Parse(TemplateDocument.Write(TinyTemplate.Valid))));
    }

    [Fact]
    public void ACallThatCannotBeExpandedStaysOneElementForTheRuntimeToStopAt()
    {
        var unknown = SubProcessTemplate.Valid.Changing("survey", c => c with { Calls = "inspection" });

        var expanded = SubProcessExpander.Expand(unknown);

        Assert.Equal(ElementType.SubProcess, expanded.Elements.Single(e => e.Id == "survey").Type);
        Assert.Contains(expanded.Flows, f => f.Key == "start->survey");
        Assert.Contains(expanded.Elements, e => e.Id == "revisit-check");
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Passed(string checkName) => new()
    {
        ["checkName"] = SubProcessTemplate.Json(System.Text.Json.JsonSerializer.Serialize(checkName)),
        ["checkDue"] = SubProcessTemplate.Json("""{"argument":"checkDue"}"""),
        ["fixDue"] = SubProcessTemplate.Json("""{"argument":"fixDue"}"""),
    };
}
