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
}
