using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>What each kind of element must carry, and the names it may use.</summary>
[Trait("Category", "Unit")]
public sealed class ElementRulesTests
{
    [Fact]
    public void TheTinyTemplateHasNoProblem() => Assert.Empty(TinyTemplate.Valid.Problems());

    [Fact]
    public void AUserTaskNeedsATitle() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Title = null }).SingleProblem("submit", "title", Required);

    [Fact]
    public void AUserTaskNeedsARole() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Role = null }).SingleProblem("submit", "role", Required);

    [Fact]
    public void AUserTaskNeedsAStage() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Stage = null }).SingleProblem("submit", "stage", Required);

    [Fact]
    public void ARoleMustBeOneOfTheFiveRoles()
    {
        var problem = TinyTemplate.Valid.Changing("submit", e => e with { Role = "village-doctor" }).SingleProblem("submit", "role", UnknownRole);
        Assert.Contains("village-doctor", problem.Message);
    }

    [Fact]
    public void AStageMustBeOneOfTheTemplatesStages() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Stage = "inspection" }).SingleProblem("submit", "stage", UnknownStage);

    [Fact]
    public void ADepartmentMustBeAKnownCountyDepartment()
    {
        TinyTemplate.Valid.Changing("submit", e => e with { DepartmentCode = "fire-brigade" }).SingleProblem("submit", "departmentCode", UnknownDepartment);
        Assert.Empty(TinyTemplate.Valid.Changing("submit", e => e with { DepartmentCode = "education" }).Problems());
    }

    [Fact]
    public void ATimerEventNeedsADueRule() =>
        TinyTemplate.Valid.Inserting(new ElementDefinition("wait", ElementType.TimerEvent), after: "start").SingleProblem("wait", "due", Required);

    [Fact]
    public void AMessageEventNeedsTheNameOfItsMessage() =>
        TinyTemplate.Valid.Inserting(new ElementDefinition("verdict", ElementType.MessageEvent), after: "submit").SingleProblem("verdict", "message", Required);

    [Fact]
    public void AServiceTaskNeedsAnAction() =>
        TinyTemplate.Valid.Inserting(new ElementDefinition("count", ElementType.ServiceTask), after: "check").SingleProblem("count", "action", Required);

    [Fact]
    public void AServiceTaskActionMustBeRegistered()
    {
        var problem = TinyTemplate.Valid.Inserting(new ElementDefinition("fax", ElementType.ServiceTask, Action: "sendFax"), after: "check")
            .SingleProblem("fax", "action", UnknownAction);
        Assert.Contains("recordSubsidy", problem.Message);
    }

    [Fact]
    public void AnActionTheHostRegistersIsKnownToTheValidatorBuiltOnTheRegisteredActions()
    {
        var template = TinyTemplate.Valid.Inserting(new ElementDefinition("notify", ElementType.ServiceTask, Action: "notifyWeCom"), after: "check");
        var validator = new TemplateValidator(new ServiceTaskActions([new IncrementAction(), new CustomAction()]));
        Assert.Empty(validator.Validate(template));
    }

    [Fact]
    public void IncrementNeedsTheNameOfItsCounter() =>
        TinyTemplate.Valid.Inserting(new ElementDefinition("round", ElementType.ServiceTask, Action: "increment"), after: "check")
            .SingleProblem("round", "input.name", InvalidInput);

    [Fact]
    public void RecordSubsidyNeedsTheTemplateParametersItComputesTheAmountFrom()
    {
        var template = TinyTemplate.Valid with { Parameters = new Dictionary<string, decimal> { ["subsidyTotal"] = 800_000m } };
        var problem = template.Inserting(new ElementDefinition("subsidy", ElementType.ServiceTask, Action: "recordSubsidy",
                Input: new Dictionary<string, System.Text.Json.JsonElement> { ["instalment"] = System.Text.Json.JsonSerializer.SerializeToElement(1) }),
            after: "record-naming").SingleProblem("subsidy", "input.instalment", UnknownParameter);
        Assert.Contains("subsidyShare1", problem.Message);
    }

    [Fact]
    public void ASubsidysMilestoneIfGivenIsTextThePlanCouldName()
    {
        var template = TinyTemplate.Valid with { Parameters = new Dictionary<string, decimal> { ["subsidyTotal"] = 800_000m, ["subsidyShare1"] = 0.5m } };
        var problem = template.Inserting(new ElementDefinition("subsidy", ElementType.ServiceTask, Action: "recordSubsidy",
                Input: new Dictionary<string, System.Text.Json.JsonElement>
                {
                    ["instalment"] = System.Text.Json.JsonSerializer.SerializeToElement(1), ["milestone"] = System.Text.Json.JsonSerializer.SerializeToElement(" "),
                }),
            after: "record-naming").SingleProblem("subsidy", "input.milestone", InvalidInput);
        Assert.Contains("通过市级暗访", problem.Message);
    }

    [Fact]
    public void AnElementIdMayNotHoldADotBecauseVariablesAreAddressedByDottedPaths() =>
        (TinyTemplate.Valid.Changing("end", e => e with { Id = "the.end" }) with
        {
            Flows = [.. TinyTemplate.Valid.Flows.Select(f => f.To == "end" ? f with { To = "the.end" } : f)],
        }).SingleProblem("the.end", "id", InvalidId);

    [Fact]
    public void ElementIdsMustBeUnique()
    {
        var copy = TinyTemplate.Valid.Elements.Single(e => e.Id == "submit");
        TinyTemplate.Valid.Adding(copy).SingleProblem("submit", "id", DuplicateId);
    }

    [Fact]
    public void OutcomesMustBeDistinctAndNotEmpty()
    {
        TinyTemplate.Valid.Changing("check", e => e with { Outcomes = ["passed", "passed", "returned"] }).SingleProblem("check", "outcomes[1]", Duplicate);
        TinyTemplate.Valid.Changing("check", e => e with { Outcomes = ["passed", " ", "returned"] }).SingleProblem("check", "outcomes[1]", Required);
    }

    [Fact]
    public void AFormFieldMustHaveAKnownType() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Form = [new FormField("count", "数量", Type: "integer")] })
            .SingleProblem("submit", "form[0].type", UnknownValue);

    [Fact]
    public void ASelectFieldNeedsOptions() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Form = [new FormField("grade", "等级", Type: "select")] })
            .SingleProblem("submit", "form[0].options", SelectWithoutOptions);

    [Fact]
    public void BoundaryTimersSitOnUserTasksOnly() =>
        TinyTemplate.Valid.Changing("checked", e => e with { Boundary = [new BoundaryTimer("late", new DueRule(Days: 3))] })
            .SingleProblem("checked", "boundary", NotAllowed);

    [Fact]
    public void ABoundaryTimerIdMayNotRepeatAnElementId() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Boundary = [new BoundaryTimer("check", new DueRule(Days: 3))] })
            .SingleProblem("submit", "boundary[0].id", DuplicateId);

    [Fact]
    public void AnInterruptingBoundaryTimerMustLeadToAnExistingElement()
    {
        TinyTemplate.Valid.Changing("submit", e => e with { Boundary = [new BoundaryTimer("timeout", new DueRule(Days: 3), "timeout", Interrupting: true)] })
            .SingleProblem("submit", "boundary[0].to", Required);
        TinyTemplate.Valid.Changing("submit", e => e with { Boundary = [new BoundaryTimer("timeout", new DueRule(Days: 3), "timeout", Interrupting: true, To: "escalate")] })
            .SingleProblem("submit", "boundary[0].to", UnknownElement);
    }

    private sealed class CustomAction : IServiceTaskAction
    {
        public string Name => "notifyWeCom";

        public void Execute(ServiceTaskContext context) { }
    }
}
