using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>会签/或签 settings (ADR 0045): every wrong combination is named by its field with a Chinese reason.</summary>
[Trait("Category", "Unit")]
public sealed class MultiInstanceRulesTests
{
    private static ElementDefinition ByDepartments(ElementDefinition e, MultiInstanceDefinition multi) =>
        e with { Scope = TaskScope.Department, Role = Roles.CountyDepartment, MultiInstance = multi };

    private static readonly MultiInstanceDefinition ThreeDepartments = new(DepartmentCodes: ["education", "transport", "commerce"]);

    [Fact]
    public void AParallelCountersignatureOfKnownDepartmentsHasNoProblem() =>
        Assert.Empty(TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments)).Problems());

    [Fact]
    public void ASequentialCountersignatureOfUsersNeedingTwoOfThreeHasNoProblem() =>
        Assert.Empty(TinyTemplate.Valid.Changing("check", e => e with
        {
            MultiInstance = new MultiInstanceDefinition("sequential", Users: ["wang", "li", "zhang"], Completion: "atLeast", AtLeast: 2),
        }).Problems());

    [Fact]
    public void AnAnyOneSignatureByRolesTakesItsRolesFromTheList() =>
        Assert.Empty(TinyTemplate.Valid.Changing("check", e => e with
        {
            Role = null, MultiInstance = new MultiInstanceDefinition(Roles: [Roles.CountyAdmin, Roles.CountyLeader], Completion: "any"),
        }).Problems());

    [Fact]
    public void AnEmptyListIsRefused()
    {
        var problem = TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, new MultiInstanceDefinition(DepartmentCodes: [])))
            .SingleProblem("submit", "multiInstance.departmentCodes", Required);
        Assert.Equal("会签/或签的实例列表不能为空：至少列出一项。", problem.Message);
    }

    [Fact]
    public void NoSourceAtAllIsRefused() =>
        TinyTemplate.Valid.Changing("check", e => e with { MultiInstance = new MultiInstanceDefinition() })
            .SingleProblem("check", "multiInstance", Required);

    [Fact]
    public void TwoSourcesAtOnceAreRefused()
    {
        var problem = TinyTemplate.Valid.Changing("check", e => e with { MultiInstance = new MultiInstanceDefinition(Users: ["wang"], Roles: [Roles.CountyLeader]) })
            .SingleProblem("check", "multiInstance.roles", NotAllowed);
        Assert.Contains("只能有一种实例来源", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDepartmentIsNamedByItsPlaceInTheList()
    {
        var problem = TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, new MultiInstanceDefinition(DepartmentCodes: ["education", "fire-brigade"])))
            .SingleProblem("submit", "multiInstance.departmentCodes[1]", UnknownDepartment);
        Assert.StartsWith("部门代码“fire-brigade”未知", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedEntryIsRefused() =>
        TinyTemplate.Valid.Changing("check", e => e with { MultiInstance = new MultiInstanceDefinition(Users: ["wang", "wang"]) })
            .SingleProblem("check", "multiInstance.users[1]", Duplicate);

    [Fact]
    public void AtLeastMoreThanTheInstancesIsRefused()
    {
        var problem = TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments with { Completion = "atLeast", AtLeast = 4 }))
            .SingleProblem("submit", "multiInstance.atLeast", InvalidRange);
        Assert.Equal("至少签署的份数（4）不能多于实例数（3）。", problem.Message);
    }

    [Fact]
    public void AtLeastWithoutANumberOrANumberWithoutAtLeastIsRefused()
    {
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments with { Completion = "atLeast" }))
            .SingleProblem("submit", "multiInstance.atLeast", Required);
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments with { AtLeast = 2 }))
            .SingleProblem("submit", "multiInstance.atLeast", NotAllowed);
    }

    [Fact]
    public void AnUnknownModeOrCompletionIsRefused()
    {
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments with { Mode = "random" }))
            .SingleProblem("submit", "multiInstance.mode", UnknownValue);
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments with { Completion = "most" }))
            .SingleProblem("submit", "multiInstance.completion", UnknownValue);
    }

    [Fact]
    public void ADepartmentCountersignatureIsADepartmentTaskWithoutADepartmentOfItsOwn()
    {
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments) with { DepartmentCode = "education" })
            .SingleProblem("submit", "departmentCode", NotAllowed);
        TinyTemplate.Valid.Changing("check", e => e with { MultiInstance = ThreeDepartments })
            .SingleProblem("check", "scope", Required);
    }

    [Fact]
    public void ARoleCountersignatureNamesNoRoleOfItsOwn() =>
        TinyTemplate.Valid.Changing("check", e => e with { MultiInstance = new MultiInstanceDefinition(Roles: [Roles.CountyLeader]) })
            .SingleProblem("check", "role", NotAllowed);

    [Fact]
    public void OnlyAUserTaskMayBeACountersignature() =>
        TinyTemplate.Valid.Changing("checked", e => e with { MultiInstance = ThreeDepartments })
            .SingleProblem("checked", "multiInstance", NotAllowed);

    [Fact]
    public void AnInterruptingBoundaryTimerIsRefusedOnACountersignature() =>
        TinyTemplate.Valid.Changing("submit", e => ByDepartments(e, ThreeDepartments) with
        {
            Boundary = [new BoundaryTimer("submit-timeout", new DueRule(WorkingDays: 3), "timeout", Interrupting: true, To: "check")],
        }).SingleProblem("submit", "boundary", NotAllowed);
}
