using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// Sub-process definitions and calls: each defect is one problem, located where it is written — the call
/// (<c>survey</c>, <c>arguments.fixDue</c>), the definition in the document (<c>template</c>,
/// <c>subProcesses[0].entry</c>), or an inner element as a call expands it (<c>survey/fix</c>).
/// </summary>
[Trait("Category", "Unit")]
public sealed class SubProcessRulesTests
{
    private static readonly TemplateDefinition Valid = SubProcessTemplate.Valid;

    [Fact]
    public void TheSubProcessTemplateHasNoProblem() => Assert.Empty(Valid.Problems());

    [Fact]
    public void ACallOfAnUnknownSubProcessIsAProblemOfTheCall() =>
        Valid.Changing("survey", c => c with { Calls = "inspection" }).SingleProblem("survey", "calls", UnknownSubProcess);

    [Fact]
    public void ACallWithoutAStageIsAProblemAndLeavesItsStageUnused() =>
        Assert.Equal([(TemplateProblem.Template, "stages[0]", UnusedStage), ("survey", "stage", Required)],
            Valid.Changing("survey", c => c with { Stage = null }).Problems().Select(p => (p.ElementId, p.Field, p.Code)));

    [Fact]
    public void ACallCarriesNoFieldOfTheElementsItStandsFor()
    {
        Valid.Changing("survey", c => c with { Due = new DueRule(WorkingDays: 5) }).SingleProblem("survey", "due", NotAllowed);
        Valid.Changing("survey", c => c with { Role = Roles.CountyAdmin }).SingleProblem("survey", "role", NotAllowed);
        TinyTemplate.Valid.Changing("submit", e => e with { Calls = "review" }).SingleProblem("submit", "calls", NotAllowed);
    }

    [Fact]
    public void AMissingArgumentIsNamed() =>
        Valid.WithArgument("revisit", "checkName", null).SingleProblem("revisit", "arguments.checkName", Required);

    [Fact]
    public void AnUnknownArgumentIsNamed() =>
        Valid.WithArgument("survey", "checkname", "\"调研\"").SingleProblem("survey", "arguments.checkname", UnknownArgument);

    [Fact]
    public void AnArgumentOfTheWrongKindIsAProblem()
    {
        Valid.WithArgument("survey", "checkName", """{"workingDays":5}""").SingleProblem("survey", "arguments.checkName", InvalidArgument);
        Valid.WithArgument("survey", "fixDue", "\"十个工作日\"").SingleProblem("survey", "arguments.fixDue", InvalidArgument);
    }

    [Fact]
    public void ADueArgumentIsCheckedAsADueRuleAtTheCallNotAgainAtEachInnerElement()
    {
        Valid.WithArgument("survey", "fixDue", """{"workingDays":-1}""").SingleProblem("survey", "arguments.fixDue.workingDays", InvalidDue);
        Valid.WithArgument("survey", "checkDue", """{"month":13}""").SingleProblem("survey", "arguments.checkDue.month", InvalidDue);
        Valid.WithArgument("survey", "checkDue", """{"workingDay":5}""").SingleProblem("survey", "arguments.checkDue", InvalidArgument);
    }

    [Fact]
    public void AnInnerElementsProblemIsLocatedAtEachCallAndTheInnerId()
    {
        var problems = Valid.ChangingInner("fix", e => e with { Role = "mayor" }).Problems();

        Assert.Equal([("survey/fix", "role", UnknownRole), ("revisit/fix", "role", UnknownRole)], problems.Select(p => (p.ElementId, p.Field, p.Code)));
    }

    [Fact]
    public void AnInnerElementNoFlowReachesIsUnreachableInEachCall()
    {
        var orphan = new ElementDefinition("orphan", ElementType.UserTask, Stage: "{stage}", Title: "孤立任务", Role: Roles.CountyAdmin);
        var problems = Valid.ChangingReview(d => d with { Elements = [.. d.Elements, orphan], Flows = [.. d.Flows, new FlowDefinition("orphan", "check")] }).Problems();

        Assert.Equal([("survey/orphan", "incoming", Unreachable), ("revisit/orphan", "incoming", Unreachable)], problems.Select(p => (p.ElementId, p.Field, p.Code)));
    }

    [Fact]
    public void AnInnerFlowWithAnOutcomeTheTaskDoesNotHaveIsLocatedAtTheFlowAsWritten()
    {
        var problems = Valid.ChangingReview(d => d with
        {
            Flows = [.. d.Flows.Select(f => f.Condition is null ? f : f with { Condition = new Condition("check.outcome", EqualTo: "failed") })],
        }).Problems();

        Assert.Contains(problems, p => (p.ElementId, p.Field, p.Code) == ("survey/checked->round", "condition.equalTo", UnknownOutcome));
    }

    [Fact]
    public void ASubProcessCallingItselfIsRecursion()
    {
        var again = new ElementDefinition("again", ElementType.SubProcess, Stage: "{stage}", Calls: "review", Arguments: new Dictionary<string, JsonElement>
        {
            ["checkName"] = SubProcessTemplate.Json("\"{checkName}\""),
            ["checkDue"] = SubProcessTemplate.Json("""{"argument":"checkDue"}"""),
            ["fixDue"] = SubProcessTemplate.Json("""{"argument":"fixDue"}"""),
        });
        var recursive = Valid.ChangingReview(d => d with
        {
            Elements = [.. d.Elements, again],
            Flows = [.. d.Flows.Select(f => f.Key == "checked->done" ? f with { To = "again" } : f), new FlowDefinition("again", "done")],
        });

        recursive.SingleProblem(TemplateProblem.Template, "subProcesses[0].elements[5].calls", RecursiveSubProcess);
    }

    [Fact]
    public void TwoSubProcessesCallingEachOtherAreRecursionInBoth()
    {
        ElementDefinition Calling(string key) => new("inner", ElementType.SubProcess, Stage: "{stage}", Calls: key);
        var ping = new SubProcessDefinition("ping", "甲", "inner", "inner", [Calling("pong")], []);
        var pong = new SubProcessDefinition("pong", "乙", "inner", "inner", [Calling("ping")], []);
        var template = Valid with { SubProcesses = [SubProcessTemplate.Review, ping, pong] }
            with { Elements = [.. Valid.Elements.Select(e => e.Id == "revisit" ? new ElementDefinition("revisit", ElementType.SubProcess, Stage: "revisit", Calls: "ping") : e)] };

        var problems = template.Problems();

        Assert.Equal(
            [
                (TemplateProblem.Template, "subProcesses[1].elements[0].calls", RecursiveSubProcess),
                (TemplateProblem.Template, "subProcesses[2].elements[0].calls", RecursiveSubProcess),
            ],
            problems.Select(p => (p.ElementId, p.Field, p.Code)));
        Assert.Contains("ping → pong → ping", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdsThatCollideOnceExpandedAreAProblemOfTheCall()
    {
        var clash = Valid.Inserting(new ElementDefinition("revisit-fix", ElementType.UserTask, Stage: "revisit", Title: "另行整改", Role: Roles.TownshipStaff), after: "start");

        clash.SingleProblem("revisit", "id", DuplicateId);
    }

    [Fact]
    public void ADefinitionNobodyCallsIsUnused() =>
        (Valid with { SubProcesses = [SubProcessTemplate.Review, SubProcessTemplate.Review with { Key = "spare", Name = "备用" }] })
            .SingleProblem(TemplateProblem.Template, "subProcesses[1]", UnusedSubProcess);

    [Fact]
    public void APlaceholderThatNoParameterFillsIsAProblemOfTheDefinition()
    {
        Valid.ChangingInner("fix", e => e with { Title = "完成{checkname}整改" }).SingleProblem(TemplateProblem.Template, "subProcesses[0].elements[3].title", UnknownPlaceholder);
        Valid.ChangingInner("fix", e => e with { Title = "{fixDue}内完成整改" }).SingleProblem(TemplateProblem.Template, "subProcesses[0].elements[3].title", UnknownPlaceholder);
        Valid.ChangingInner("fix", e => e with { Due = new DueRule(Argument: "dueDate") }).SingleProblem(TemplateProblem.Template, "subProcesses[0].elements[3].due.argument", UnknownPlaceholder);
    }

    [Fact]
    public void TheDefinitionsStructureIsChecked()
    {
        Valid.ChangingReview(d => d with { Entry = "start" }).SingleProblem(TemplateProblem.Template, "subProcesses[0].entry", UnknownElement);
        Valid.ChangingReview(d => d with { Flows = [.. d.Flows, new FlowDefinition("done", "end")] })
            .SingleProblem(TemplateProblem.Template, "subProcesses[0].flows[5].to", UnknownElement);
        Valid.ChangingInner("done", e => e with { Type = ElementType.EndEvent }).SingleProblem(TemplateProblem.Template, "subProcesses[0].elements[4].type", NotAllowed);
        Valid.ChangingReview(d => d with { Parameters = [.. d.Parameters!, new SubProcessParameter("call", "调用")] })
            .SingleProblem(TemplateProblem.Template, "subProcesses[0].parameters[3].key", NotAllowed);
    }

    [Fact]
    public void ADueArgumentReferenceOutsideASubProcessIsNotAllowed() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Due = new DueRule(Argument: "fixDue") }).SingleProblem("submit", "due.argument", NotAllowed);

    [Fact]
    public void AnInnerElementWithoutATypeIsRefusedWhenReadLocatedInTheDefinition()
    {
        var json = JsonNode.Parse(TemplateDocument.Write(Valid))!;
        json["subProcesses"]![0]!["elements"]![4]!.AsObject().Remove("type");
        using var document = JsonDocument.Parse(json.ToJsonString());

        var refused = Assert.Throws<InvalidTemplateException>(() => TemplateDocument.Read(document.RootElement));

        Assert.Equal((TemplateProblem.Template, "subProcesses[0].elements[4].type"), (Assert.Single(refused.Problems).ElementId, refused.Problems[0].Field));
    }
}
