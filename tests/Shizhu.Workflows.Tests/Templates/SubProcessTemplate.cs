using System.Text.Json;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// A municipal template made of one sub-process, <c>review</c>, called twice: start → survey (stage survey, 调研) →
/// revisit (stage revisit, 复查) → end. A review is check → checked: findings → round (<c>rounds.{call}</c> + 1) → fix
/// (due <c>fixDue</c>, reminder after a day) → check again; otherwise → done. The check is due <c>checkDue</c>.
/// </summary>
public static class SubProcessTemplate
{
    public static readonly SubProcessDefinition Review = new("review", "检查与整改", Entry: "check", Exit: "done",
        Elements:
        [
            new ElementDefinition("check", ElementType.UserTask, Stage: "{stage}", Title: "{checkName}检查", Role: Roles.CountyAdmin,
                Scope: TaskScope.County, Due: new DueRule(Argument: "checkDue"), Outcomes: ["passed", "findings"],
                Description: "由 {call} 发起"),
            new ElementDefinition("checked", ElementType.ExclusiveGateway, Default: "checked->done"),
            new ElementDefinition("round", ElementType.ServiceTask, Action: "increment", Input: new Dictionary<string, JsonElement> { ["name"] = Json("\"rounds.{call}\"") }),
            new ElementDefinition("fix", ElementType.UserTask, Stage: "{stage}", Title: "完成{checkName}整改", Role: Roles.TownshipStaff,
                Scope: TaskScope.Township, Due: new DueRule(Argument: "fixDue"), Boundary: [new BoundaryTimer("fix-reminder", new DueRule(Days: 1))]),
            new ElementDefinition("done", ElementType.ParallelGateway),
        ],
        Flows:
        [
            new FlowDefinition("check", "checked"),
            new FlowDefinition("checked", "round", new Condition("check.outcome", EqualTo: "findings")),
            new FlowDefinition("round", "fix"),
            new FlowDefinition("fix", "check"),
            new FlowDefinition("checked", "done"),
        ],
        Parameters:
        [
            new SubProcessParameter("checkName", "检查名称"),
            new SubProcessParameter("checkDue", "检查期限", "due"),
            new SubProcessParameter("fixDue", "每轮整改期限", "due"),
        ]);

    public static readonly TemplateDefinition Valid = new("municipal", "测试：调用子流程的市级模板", "municipal",
        [new StageDefinition("survey", "调研"), new StageDefinition("revisit", "复查")],
        [
            new ElementDefinition("start", ElementType.StartEvent),
            Call("survey", "调研", """{"workingDays":5}""", """{"workingDays":10}"""),
            Call("revisit", "复查", """{"workingDays":3}""", """{"workingDays":2}"""),
            new ElementDefinition("end", ElementType.EndEvent),
        ],
        [new FlowDefinition("start", "survey"), new FlowDefinition("survey", "revisit"), new FlowDefinition("revisit", "end")],
        SubProcesses: [Review]);

    public static ElementDefinition Call(string id, string checkName, string checkDue, string fixDue, string calls = "review") =>
        new(id, ElementType.SubProcess, Stage: id, Calls: calls, Arguments: new Dictionary<string, JsonElement>
        {
            ["checkName"] = Json(JsonSerializer.Serialize(checkName)),
            ["checkDue"] = Json(checkDue),
            ["fixDue"] = Json(fixDue),
        });

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The template with <paramref name="change"/> made to the review sub-process.</summary>
    public static TemplateDefinition ChangingReview(this TemplateDefinition template, Func<SubProcessDefinition, SubProcessDefinition> change) =>
        template with { SubProcesses = [.. template.SubProcesses!.Select(d => d.Key == "review" ? change(d) : d)] };

    /// <summary>The template with <paramref name="change"/> made to the review's inner element <paramref name="id"/>.</summary>
    public static TemplateDefinition ChangingInner(this TemplateDefinition template, string id, Func<ElementDefinition, ElementDefinition> change) =>
        template.ChangingReview(d => d with { Elements = [.. d.Elements.Select(e => e.Id == id ? change(e) : e)] });

    /// <summary>The call <paramref name="id"/> with its argument <paramref name="name"/> set (or, given null, removed).</summary>
    public static TemplateDefinition WithArgument(this TemplateDefinition template, string id, string name, string? json) =>
        template.Changing(id, call =>
        {
            var arguments = call.Arguments!.ToDictionary();
            if (json is null) arguments.Remove(name);
            else arguments[name] = Json(json);
            return call with { Arguments = arguments };
        });
}
