using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>The template's escalation chain (ADR 0037 addendum): known audiences, each once, rising working days.</summary>
[Trait("Category", "Unit")]
public sealed class EscalationRulesTests
{
    [Fact]
    public void ATemplateWithoutAChainGetsTheDefaultOfTheIssueAndAnEmptyChainMeansNone()
    {
        Assert.Empty(TinyTemplate.Valid.Problems());
        Assert.Equal([new EscalationStepDefinition(0, Roles.TownshipLeader), new(3, Roles.CountyLeader), new(10, Roles.CountySupervisor)],
            TinyTemplate.Valid.EscalationSteps);
        Assert.Empty((TinyTemplate.Valid with { Escalation = [] }).EscalationSteps);
    }

    [Fact]
    public void AStepMustGoToTheTownshipLeaderACountyLeaderOrTheSupervisionOffice() =>
        (TinyTemplate.Valid with { Escalation = [new(0, Roles.TownshipStaff)] }).SingleProblem("template", "escalation[0].to", UnknownRole);

    [Fact]
    public void EachAudienceIsToldOnce() =>
        (TinyTemplate.Valid with { Escalation = [new(0, Roles.CountyLeader), new(5, Roles.CountyLeader)] })
            .SingleProblem("template", "escalation[1].to", Duplicate);

    [Fact]
    public void TheWorkingDaysRiseStepByStepWithinTheirRange()
    {
        (TinyTemplate.Valid with { Escalation = [new(5, Roles.CountyLeader), new(2, Roles.CountySupervisor)] })
            .SingleProblem("template", "escalation[1].afterWorkingDays", InvalidRange);
        (TinyTemplate.Valid with { Escalation = [new(-1, Roles.TownshipLeader)] })
            .SingleProblem("template", "escalation[0].afterWorkingDays", InvalidRange);
    }

    [Fact]
    public void ANullStepIsAProblemNotACrash() =>
        (TinyTemplate.Valid with { Escalation = [null!] }).SingleProblem("template", "escalation[0]", Required);
}
