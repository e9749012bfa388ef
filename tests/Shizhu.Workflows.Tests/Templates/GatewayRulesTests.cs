using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>Decisions: every outcome must have somewhere to go, and every flow must be possible to take.</summary>
[Trait("Category", "Unit")]
public sealed class GatewayRulesTests
{
    /// <summary>The tiny template's gateway without its default, the way to naming now conditional too.</summary>
    private static TemplateDefinition WithoutDefault(Condition toNaming) =>
        TinyTemplate.Valid.Changing("checked", e => e with { Default = null }).RemovingFlow("checked", "record-naming")
            .AddingFlows(new FlowDefinition("checked", "record-naming", toNaming));

    [Fact]
    public void AGatewayWhoseConditionsCoverEveryOutcomeNeedsNoDefault() =>
        Assert.Empty(WithoutDefault(TinyTemplate.Outcome("check", "passed")).Problems());

    [Fact]
    public void AnOutcomeNoConditionLetsThroughWithoutADefaultIsNamed()
    {
        var problem = WithoutDefault(TinyTemplate.Outcome("check", "passed"))
            .Changing("check", e => e with { Outcomes = ["passed", "returned", "deferred"] })
            .SingleProblem("checked", "default", OutcomeWithoutFlow);
        Assert.Contains("deferred", problem.Message);
    }

    [Fact]
    public void ConditionsThatCannotBeAnalysedWithoutADefaultMayAllFail()
    {
        var problem = WithoutDefault(new Condition(Variable: "rounds.review", LessThan: 3))
            .SingleProblem("checked", "default", ConditionsMayAllFail);
        Assert.Contains("条件可能都不成立", problem.Message);
    }

    [Fact]
    public void TheDefaultMustBeAFlowLeavingTheGateway() =>
        TinyTemplate.Valid.Changing("checked", e => e with { Default = "submit->check" }).SingleProblem("checked", "default", DefaultNotOutgoing);

    [Fact]
    public void OnlyAnExclusiveGatewayHasADefault() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Default = "submit->check" }).SingleProblem("submit", "default", NotAllowed);

    [Fact]
    public void ASecondUnconditionalFlowOutOfAnExclusiveGatewayIsNeverTaken() =>
        TinyTemplate.Valid.AddingFlows(new FlowDefinition("checked", "end")).SingleProblem("checked->end", "condition", FlowNeverTaken);

    [Fact]
    public void AConditionOnAnOutcomeTheTaskDoesNotHaveNeverHolds()
    {
        var template = TinyTemplate.Valid with
        {
            Flows = [.. TinyTemplate.Valid.Flows.Select(f => f is { From: "checked", To: "submit" } ? f with { Condition = TinyTemplate.Outcome("check", "rejected") } : f)],
        };
        var problem = template.SingleProblem("checked->submit", "condition.equalTo", UnknownOutcome);
        Assert.Contains("rejected", problem.Message);
    }

    [Fact]
    public void AConditionOnAFormFieldTheTaskDoesNotHaveIsUnknown()
    {
        var template = WithoutDefault(new Condition(Any: [TinyTemplate.Outcome("check", "passed"), new Condition(Variable: "check.score", AtLeast: 60)]));
        var problem = Assert.Single(template.Problems(), p => p.Code == UnknownVariable);
        Assert.Equal(("checked->record-naming", "condition.any[1].variable"), (problem.ElementId, problem.Field));
    }

    [Fact]
    public void AConditionOnAFormFieldTheTaskHasIsFine()
    {
        var template = WithoutDefault(new Condition(Any: [TinyTemplate.Outcome("check", "passed"), new Condition(Variable: "check.score", AtLeast: 60)]))
            .Changing("check", e => e with { Form = [new FormField("score", "得分", Type: "number")] });
        Assert.DoesNotContain(template.Problems(), p => p.Code == UnknownVariable);
    }

    [Fact]
    public void AnEmptyConditionIsAProblem()
    {
        var problem = Assert.Single(WithoutDefault(new Condition()).Problems(), p => p.Code == EmptyCondition);
        Assert.Equal(("checked->record-naming", "condition"), (problem.ElementId, problem.Field));
    }

    [Fact]
    public void ATaskWhoseWaysOutAreAllConditionalMustCoverItsOutcomesToo()
    {
        // check → record-naming only when passed: a returned check would leave its token nowhere.
        var template = TinyTemplate.Valid.Removing("checked")
            .AddingFlows(new FlowDefinition("check", "record-naming", TinyTemplate.Outcome("check", "passed")));
        var problem = template.SingleProblem("check", "outgoing", OutcomeWithoutFlow);
        Assert.Contains("returned", problem.Message);
    }
}
