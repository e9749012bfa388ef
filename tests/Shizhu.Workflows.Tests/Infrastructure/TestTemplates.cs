using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Small templates for what the built-in ones do not exercise: outcomes, duration due rules, tasks without due time.</summary>
public static class TestTemplates
{
    public static readonly TemplateDefinition MunicipalWithOutcomes = new("municipal", "测试：带办理结果的市级模板", "municipal",
    [
        new StageDefinition("review", "材料审核",
        [
            new TaskDefinition("submit", "提交创建材料", Roles.TownshipStaff, TaskScope.Township, new DueRule(WorkingDays: 3)),
            new TaskDefinition("verdict", "县爱卫办审核", Roles.CountyAdmin, TaskScope.County, new DueRule(Days: 10),
                DependsOn: ["submit"], Outcomes: ["passed", "returned"]),
        ]),
        new StageDefinition("naming", "公示命名",
        [
            new TaskDefinition("record-naming", "登记获得命名", Roles.CountyAdmin, TaskScope.County),
        ]),
    ]);
}
