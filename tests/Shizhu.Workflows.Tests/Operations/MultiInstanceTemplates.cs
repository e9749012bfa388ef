using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Operations;

/// <summary>
/// prepare (county office) → sign: a 会签/或签 of three county departments (outcomes approved / rejected) → signed:
/// rejected → redo, else → after → end. <see cref="With"/> sets the mode and completion condition.
/// </summary>
public static class MultiInstanceTemplates
{
    public static readonly IReadOnlyList<string> Departments = ["urban-management", "education", "transport"];

    public static TemplateDefinition With(string mode = "parallel", string completion = "all", int? atLeast = null) =>
        new("municipal", "测试：部门会签", "municipal", [new StageDefinition("work", "工作")],
        [
            new("start", ElementType.StartEvent),
            County("prepare"),
            new("sign", ElementType.UserTask, Stage: "work", Title: "部门会签意见", Role: Roles.CountyDepartment, Scope: TaskScope.Department,
                Due: new DueRule(WorkingDays: 10), Outcomes: ["approved", "rejected"],
                Form: [new FormField("opinion", "意见", "text", Required: false)],
                MultiInstance: new MultiInstanceDefinition(mode, DepartmentCodes: Departments, Completion: completion, AtLeast: atLeast)),
            new("signed", ElementType.ExclusiveGateway, Default: "signed->after"),
            County("redo"), County("after"),
            new("end", ElementType.EndEvent),
        ],
        [
            new("start", "prepare"), new("prepare", "sign"), new("sign", "signed"),
            new("signed", "redo", new Condition("sign.outcome", EqualTo: "rejected")), new("signed", "after"),
            new("redo", "end"), new("after", "end"),
        ]);

    private static ElementDefinition County(string id) =>
        new(id, ElementType.UserTask, Stage: "work", Title: id, Role: Roles.CountyAdmin, Scope: TaskScope.County);
}
