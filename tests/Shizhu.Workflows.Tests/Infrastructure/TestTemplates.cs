using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Small templates for what the built-in ones do not exercise: outcomes, duration due rules, tasks without due time.</summary>
public static class TestTemplates
{
    public static readonly TemplateDefinition MunicipalWithOutcomes = new("municipal", "测试：带办理结果的市级模板", "municipal",
        [new StageDefinition("review", "材料审核"), new StageDefinition("naming", "公示命名")],
        [
            new ElementDefinition("start", ElementType.StartEvent),
            new ElementDefinition("submit", ElementType.UserTask, Stage: "review", Title: "提交创建材料", Role: Roles.TownshipStaff,
                Scope: TaskScope.Township, Due: new DueRule(WorkingDays: 3)),
            new ElementDefinition("verdict", ElementType.UserTask, Stage: "review", Title: "县爱卫办审核", Role: Roles.CountyAdmin,
                Scope: TaskScope.County, Due: new DueRule(Days: 10), Outcomes: ["passed", "returned"]),
            new ElementDefinition("record-naming", ElementType.UserTask, Stage: "naming", Title: "登记获得命名", Role: Roles.CountyAdmin, Scope: TaskScope.County),
            new ElementDefinition("end", ElementType.EndEvent),
        ],
        [
            new FlowDefinition("start", "submit"),
            new FlowDefinition("submit", "verdict"),
            new FlowDefinition("verdict", "record-naming"),
            new FlowDefinition("record-naming", "end"),
        ]);

    /// <summary>
    /// Two county departments check a township's sanitation side by side while the township writes its report:
    /// 县教委 (education) checks schools, 县公安局 (public-security) the markets' order; then the county office reviews.
    /// </summary>
    public static readonly TemplateDefinition MunicipalWithDepartmentChecks = new("municipal", "测试：县级部门检查的市级模板", "municipal",
        [new StageDefinition("checks", "部门检查"), new StageDefinition("review", "县级审核")],
        [
            new ElementDefinition("start", ElementType.StartEvent),
            new ElementDefinition("fork", ElementType.ParallelGateway),
            new ElementDefinition("school-check", ElementType.UserTask, Stage: "checks", Title: "检查学校卫生", Role: Roles.CountyDepartment,
                Scope: TaskScope.Department, DepartmentCode: Departments.Education, Outcomes: ["passed", "failed"],
                Evidence: [new EvidenceRequirement("check-record", "检查记录")]),
            new ElementDefinition("market-check", ElementType.UserTask, Stage: "checks", Title: "检查农贸市场秩序", Role: Roles.CountyDepartment,
                Scope: TaskScope.Department, DepartmentCode: Departments.PublicSecurity),
            new ElementDefinition("township-report", ElementType.UserTask, Stage: "checks", Title: "报送自查报告", Role: Roles.TownshipStaff,
                Scope: TaskScope.Township),
            new ElementDefinition("join", ElementType.ParallelGateway),
            new ElementDefinition("review", ElementType.UserTask, Stage: "review", Title: "县爱卫办审核", Role: Roles.CountyAdmin, Scope: TaskScope.County),
            new ElementDefinition("end", ElementType.EndEvent),
        ],
        [
            new FlowDefinition("start", "fork"),
            new FlowDefinition("fork", "school-check"),
            new FlowDefinition("fork", "market-check"),
            new FlowDefinition("fork", "township-report"),
            new FlowDefinition("school-check", "join"),
            new FlowDefinition("market-check", "join"),
            new FlowDefinition("township-report", "join"),
            new FlowDefinition("join", "review"),
            new FlowDefinition("review", "end"),
        ]);

    /// <summary>Codes of seeded county departments.</summary>
    public static class Departments
    {
        public const string Education = "education";
        public const string PublicSecurity = "public-security";
        public const string Transport = "transport";
    }
}
