using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>A county department's task: scope <c>department</c>, a known department, done by department staff.</summary>
[Trait("Category", "Unit")]
public sealed class DepartmentScopeRulesTests
{
    private static ElementDefinition DepartmentTask(ElementDefinition e) =>
        e with { Scope = TaskScope.Department, Role = Roles.CountyDepartment, DepartmentCode = "education" };

    [Fact]
    public void ADepartmentsTaskNamingAKnownDepartmentHasNoProblem() =>
        Assert.Empty(TinyTemplate.Valid.Changing("submit", DepartmentTask).Problems());

    [Fact]
    public void ADepartmentsTaskMustNameItsDepartment()
    {
        var problem = TinyTemplate.Valid.Changing("submit", e => DepartmentTask(e) with { DepartmentCode = null })
            .SingleProblem("submit", "departmentCode", Required);
        Assert.Contains("departmentCode", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADepartmentsTaskMustNameAKnownDepartment() =>
        TinyTemplate.Valid.Changing("submit", e => DepartmentTask(e) with { DepartmentCode = "fire-brigade" })
            .SingleProblem("submit", "departmentCode", UnknownDepartment);

    [Fact]
    public void ADepartmentsTaskIsDoneByDepartmentStaff() =>
        TinyTemplate.Valid.Changing("submit", e => DepartmentTask(e) with { Role = Roles.TownshipStaff })
            .SingleProblem("submit", "role", NotAllowed);

    [Fact]
    public void DepartmentStaffDoNoTaskOfAnotherScope() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Role = Roles.CountyDepartment })
            .SingleProblem("submit", "scope", NotAllowed);
}
