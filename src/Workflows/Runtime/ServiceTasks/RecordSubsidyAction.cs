using System.Text.Json.Nodes;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>
/// <c>recordSubsidy</c>: input <c>instalment</c> (1 or 2) and optional <c>milestone</c> (what made it due, in Chinese).
/// The amount is the template's <c>subsidyTotal</c> times its <c>subsidyShare{instalment}</c>, so the split is a
/// template parameter. The instalment is due the day it is recorded; the county finance confirms its payment later.
/// </summary>
public sealed class RecordSubsidyAction : IServiceTaskAction
{
    public string Name => "recordSubsidy";

    public void Execute(ServiceTaskContext context)
    {
        var instalment = context.InputInt("instalment");
        var amount = decimal.Round(context.Parameter("subsidyTotal") * context.Parameter($"subsidyShare{instalment}"), 2);
        var milestone = context.OptionalInputString("milestone") ?? context.StageName;
        context.AddRow(new SubsidyInstalment
        {
            Id = Guid.CreateVersion7(context.Now), WorkflowId = context.Workflow.Id, TownshipCode = context.Workflow.TownshipCode,
            Instalment = instalment, Amount = amount, RecordedAt = context.Now, Milestone = milestone, DueOn = ChinaTime.Today(context.Now),
        });
        context.Variables.Set($"subsidy.instalment{instalment}", JsonValue.Create(amount));
        context.Journal($"记录第 {instalment} 笔创建补助 {amount:N0} 元（{milestone}），待县财政确认拨付");
    }
}
