using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>How tokens can move: flows that connect real elements, from a start to an end, with no trap on the way.</summary>
[Trait("Category", "Unit")]
public sealed class FlowAndGraphRulesTests
{
    private static ElementDefinition Task(string id, string stage = "review") =>
        new(id, ElementType.UserTask, Stage: stage, Title: "测试任务 " + id, Role: Roles.TownshipStaff);

    [Fact]
    public void FlowsMustBeUnique() =>
        TinyTemplate.Valid.AddingFlows(new FlowDefinition("start", "submit")).SingleProblem("start->submit", "id", DuplicateId);

    [Fact]
    public void AFlowMustStartAtAnExistingElement() =>
        TinyTemplate.Valid.AddingFlows(new FlowDefinition("ghost", "end")).SingleProblem("ghost->end", "from", UnknownElement);

    [Fact]
    public void AFlowMustLeadToAnExistingElement() =>
        TinyTemplate.Valid.AddingFlows(new FlowDefinition("record-naming", "archive")).SingleProblem("record-naming->archive", "to", UnknownElement);

    [Fact]
    public void ATemplateNeedsAStartEvent() =>
        TinyTemplate.Valid.Removing("start").SingleProblem("template", "elements", NoStartEvent);

    [Fact]
    public void ATemplateNeedsAnEndEvent()
    {
        var problems = TinyTemplate.Valid.Removing("end").Problems();
        Assert.Contains(problems, p => (p.ElementId, p.Field, p.Code) == ("template", "elements", NoEndEvent));
        Assert.Contains(problems, p => (p.ElementId, p.Field, p.Code) == ("record-naming", "outgoing", DeadEnd));
    }

    [Fact]
    public void AnElementNoStartEventLeadsToIsUnreachable() =>
        TinyTemplate.Valid.Adding(Task("orphan")).AddingFlows(new FlowDefinition("orphan", "end")).SingleProblem("orphan", "incoming", Unreachable);

    [Fact]
    public void AnElementOtherThanAnEndWithNoWayOutIsADeadEnd() =>
        TinyTemplate.Valid.Adding(Task("stuck")).RemovingFlow("checked", "submit")
            .AddingFlows(new FlowDefinition("checked", "stuck", TinyTemplate.Outcome("check", "returned")))
            .SingleProblem("stuck", "outgoing", DeadEnd);

    [Fact]
    public void ALoopFromWhichNoEndCanBeReachedIsALoopWithNoWayOut()
    {
        var problem = TinyTemplate.Valid.Adding(Task("fix"), Task("recheck")).RemovingFlow("checked", "submit")
            .AddingFlows(
                new FlowDefinition("checked", "fix", TinyTemplate.Outcome("check", "returned")),
                new FlowDefinition("fix", "recheck"),
                new FlowDefinition("recheck", "fix"))
            .SingleProblem("fix", "outgoing", LoopWithoutExit);
        Assert.Contains("recheck", problem.Message);
    }

    [Fact]
    public void ALoopWithAWayOutIsFine() => Assert.Empty(TinyTemplate.Valid.Problems()); // check → returned → submit → check, else on

    [Fact]
    public void AParallelForkWhoseBranchesMeetAtAJoinIsFine() => Assert.Empty(WithFork(joined: true).Problems());

    [Fact]
    public void AParallelForkWhoseBranchEndsWithoutAJoinLacksItsJoin()
    {
        var problem = WithFork(joined: false).SingleProblem("fork", "outgoing", ForkWithoutJoin);
        Assert.Contains("分支缺少汇聚", problem.Message);
    }

    [Fact]
    public void ATaskWithTwoUnconditionalWaysOutIsAnImplicitForkAndNeedsAJoinToo() =>
        TinyTemplate.Valid.Adding(Task("notify")).AddingFlows(new FlowDefinition("submit", "notify"), new FlowDefinition("notify", "end"))
            .SingleProblem("submit", "outgoing", ForkWithoutJoin);

    [Fact]
    public void AParallelJoinFedByTheWaysOfAnExclusiveGatewayWouldWaitForEver()
    {
        // checked: returned → redo, otherwise → record-naming; both into a parallel join that waits for both.
        var problem = TinyTemplate.Valid.Adding(Task("redo"), new ElementDefinition("join", ElementType.ParallelGateway))
            .RemovingFlow("checked", "submit").RemovingFlow("record-naming", "end")
            .AddingFlows(
                new FlowDefinition("checked", "redo", TinyTemplate.Outcome("check", "returned")),
                new FlowDefinition("redo", "join"), new FlowDefinition("record-naming", "join"), new FlowDefinition("join", "end"))
            .SingleProblem("join", "incoming", JoinWithoutFork);
        Assert.Contains("一直等待", problem.Message);
    }

    [Fact]
    public void TwoOfThreeBranchesMayMeetBeforeAllThreeDo()
    {
        var template = TinyTemplate.Valid.Adding(
                new ElementDefinition("fork", ElementType.ParallelGateway), Task("notify"), Task("publish"),
                new ElementDefinition("inner-join", ElementType.ParallelGateway), new ElementDefinition("join", ElementType.ParallelGateway))
            .RemovingFlow("start", "submit").RemovingFlow("submit", "check").RemovingFlow("checked", "submit")
            .AddingFlows(
                new FlowDefinition("start", "fork"),
                new FlowDefinition("fork", "submit"), new FlowDefinition("fork", "notify"), new FlowDefinition("fork", "publish"),
                new FlowDefinition("submit", "inner-join"), new FlowDefinition("notify", "inner-join"),
                new FlowDefinition("inner-join", "join"), new FlowDefinition("publish", "join"), new FlowDefinition("join", "check"),
                new FlowDefinition("checked", "end", TinyTemplate.Outcome("check", "returned"), Id: "withdrawn"));
        Assert.Empty(template.Problems());
    }

    [Fact]
    public void AConditionOnAFlowOutOfAParallelGatewayIsIgnoredAndSaidSo()
    {
        var template = WithFork(joined: true);
        template = template with
        {
            Flows = [.. template.Flows.Select(f => f is { From: "fork", To: "notify" } ? f with { Condition = TinyTemplate.Outcome("check", "passed") } : f)],
        };
        template.SingleProblem("fork->notify", "condition", ConditionIgnored);
    }

    [Fact]
    public void AnEndEventHasNoWayOut() =>
        TinyTemplate.Valid.Adding(new ElementDefinition("end-2", ElementType.EndEvent)).AddingFlows(new FlowDefinition("end", "end-2"))
            .SingleProblem("end", "outgoing", NotAllowed);

    /// <summary>start → fork → (submit, notify): joined before check (a returned check then ends), or notify ends alone.</summary>
    private static TemplateDefinition WithFork(bool joined)
    {
        var template = TinyTemplate.Valid.Adding(new ElementDefinition("fork", ElementType.ParallelGateway), Task("notify"))
            .RemovingFlow("start", "submit")
            .AddingFlows(new FlowDefinition("start", "fork"), new FlowDefinition("fork", "submit"), new FlowDefinition("fork", "notify"));
        if (!joined) return template.AddingFlows(new FlowDefinition("notify", "end"));
        return template.Adding(new ElementDefinition("join", ElementType.ParallelGateway))
            .RemovingFlow("submit", "check").RemovingFlow("checked", "submit")
            .Adding(new ElementDefinition("withdrawn", ElementType.EndEvent))
            .AddingFlows(
                new FlowDefinition("submit", "join"), new FlowDefinition("notify", "join"), new FlowDefinition("join", "check"),
                new FlowDefinition("checked", "withdrawn", TinyTemplate.Outcome("check", "returned")));
    }
}
