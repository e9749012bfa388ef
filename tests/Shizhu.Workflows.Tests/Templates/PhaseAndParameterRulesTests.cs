using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// Phases group the stages as the plan's 实施步骤 does; parameters say whether the plan or the template fixed them, and a
/// deadline the plan does not fix may be a parameter (ADR 0026).
/// </summary>
[Trait("Category", "Unit")]
public sealed class PhaseAndParameterRulesTests
{
    private static readonly TemplateDefinition Phased = TinyTemplate.Valid with
    {
        Phases = [new PhaseDefinition("application", "申报创建"), new PhaseDefinition("naming", "公示命名")],
        Stages = [new StageDefinition("review", "材料审核", "application"), new StageDefinition("naming", "公示命名", "naming")],
        Parameters = new Dictionary<string, decimal> { ["reviewWorkingDays"] = 7 },
        ParameterInfo = new Dictionary<string, TemplateParameterInfo> { ["reviewWorkingDays"] = new("审核期限（工作日）", "parameter", "方案没有规定") },
    };

    [Fact]
    public void ATemplateWithPhasesOnEveryStageAndDescribedParametersHasNoProblem() => Assert.Empty(Phased.Problems());

    [Fact]
    public void OnceATemplateHasPhasesEveryStageNamesOne() =>
        (Phased with { Stages = [Phased.Stages[0], Phased.Stages[1] with { Phase = null }] }).SingleProblem("template", "stages[1].phase", Required);

    [Fact]
    public void AStageCannotNameAPhaseTheTemplateDoesNotDefine() =>
        (Phased with { Stages = [Phased.Stages[0] with { Phase = "gap-filling" }, Phased.Stages[1]] }).SingleProblem("template", "stages[0].phase", UnknownValue);

    [Fact]
    public void PhaseKeysMustBeUnique() =>
        (Phased with { Phases = [.. Phased.Phases!, new PhaseDefinition("naming", "命名")] }).SingleProblem("template", "phases[2].key", Duplicate);

    [Fact]
    public void AParameterDescriptionMustDescribeAParameterThatExists() =>
        (Phased with { ParameterInfo = new Dictionary<string, TemplateParameterInfo> { ["subsidyShare1"] = new("第一笔比例") } })
            .SingleProblem("template", "parameterInfo.subsidyShare1", UnknownParameter);

    [Fact]
    public void AParameterComesFromThePlanOrFromTheTemplateAndNowhereElse() =>
        (Phased with { ParameterInfo = new Dictionary<string, TemplateParameterInfo> { ["reviewWorkingDays"] = new("审核期限", "guess") } })
            .SingleProblem("template", "parameterInfo.reviewWorkingDays.source", UnknownValue);

    [Fact]
    public void ADeadlineMayTakeItsWorkingDaysFromAParameterAndRunsWithThatNumber()
    {
        var template = Phased.Changing("check", e => e with { Due = new DueRule(WorkingDaysParameter: "reviewWorkingDays") });
        Assert.Empty(template.Problems());

        var running = TemplateCatalog.Parse(Shizhu.Workflows.Templates.Versions.TemplateDocument.Write(template));

        Assert.Equal(new DueRule(WorkingDays: 7), running.Elements.Single(e => e.Id == "check").Due);
    }

    [Fact]
    public void ADeadlineCannotNameAParameterThatDoesNotExist() =>
        Phased.Changing("check", e => e with { Due = new DueRule(WorkingDaysParameter: "reminderDays") })
            .SingleProblem("check", "due.workingDaysParameter", UnknownParameter);

    [Fact]
    public void AParameterUsedAsWorkingDaysMustBeAWholeNumber() =>
        (Phased with { Parameters = new Dictionary<string, decimal> { ["reviewWorkingDays"] = 2.5m } })
            .Changing("check", e => e with { Due = new DueRule(WorkingDaysParameter: "reviewWorkingDays") })
            .SingleProblem("check", "due.workingDaysParameter", InvalidDue);
}
