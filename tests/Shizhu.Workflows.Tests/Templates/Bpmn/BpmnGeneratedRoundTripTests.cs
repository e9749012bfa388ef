using System.Text.Json;
using CsCheck;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Workflows.Tests.Templates.Bpmn;

/// <summary>
/// Generated templates — valid or not, with ids an XML id may not hold, texts with markup characters, every optional field
/// of the format set or not — come back from BPMN exactly: the mapping loses nothing the format can say.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BpmnGeneratedRoundTripTests
{
    private static readonly string[] Ids = ["start", "a", "1st", "检查", "a/b", "x-y", "end", "g", "t_2", "wait"];
    private static readonly string[] Texts = ["开展县级调研", "<b>&amp;\"'", "  spaced  ", "line\nbreak", "{checkName}整改"];

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => gen.Null(0.4);

    private static Gen<int?> MaybeInt(int min, int max) => Gen.Int[min, max].Nullable(0.4);

    private static readonly Gen<string> Text = Gen.OneOf(Texts);
    private static readonly Gen<string> Id = Gen.OneOf(Ids);

    private static readonly Gen<DueRule> Due =
        Gen.Select(Maybe(Gen.OneOf<string>("start", "target")), MaybeInt(1, 12), MaybeInt(1, 31), Maybe(Gen.OneOf<string>("start", "end")),
            MaybeInt(0, 3), MaybeInt(0, 30), Maybe(Gen.OneOf<string>("checkDue", "start")))
        .Select(t => new DueRule(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, Argument: t.Item7));

    private static readonly Gen<Condition> Leaf =
        Gen.Select(Id, Maybe(Gen.OneOf<string>("passed", "findings")), Maybe(Gen.OneOf<string>("failed")),
            Gen.Bool.Select(b => b ? 2.5m : (decimal?)null))
        .Select(t => new Condition(t.Item1 + ".outcome", t.Item2, t.Item3, t.Item4));

    private static readonly Gen<Condition> ConditionGen = Gen.Frequency(
        (3, Leaf),
        (1, Leaf.Array[1, 3].Select(l => new Condition(All: l))),
        (1, Leaf.Array[1, 3].Select(l => new Condition(Any: [new Condition(All: l), .. l]))));

    private static readonly Gen<FormField> Field =
        Gen.Select(Id, Text, Gen.OneOf<string>("text", "number", "select"), Gen.Bool, Maybe(Gen.OneOf<string>("甲", "乙").Array[1, 2]))
        .Select(t => new FormField(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item3 == "number" ? 0 : null, t.Item3 == "number" ? 99.5m : null,
            t.Item3 == "text" ? 200 : null));

    private static readonly Gen<EvidenceRequirement> EvidenceGen =
        Gen.Select(Id, Text, Gen.Bool, Maybe(Gen.OneOf<string>("passed", "findings").Array[1, 2]))
        .Select(t => new EvidenceRequirement(t.Item1, t.Item2, t.Item3, t.Item4));

    private static readonly Gen<BoundaryTimer> Timer =
        Gen.Select(Gen.OneOf<string>("reminder", "escalation", "timeout"), Due, Gen.Bool, Maybe(Id))
        .Select(t => new BoundaryTimer("timer-" + t.Item1, t.Item2, t.Item1, t.Item3, t.Item4));

    private static readonly Gen<ElementDefinition> Element =
        Gen.Select(Gen.Enum<ElementType>(), Maybe(Text), Maybe(Text), Maybe(Gen.OneOf<string>("county-admin", "township-staff")),
            Gen.Enum<TaskScope>(), Maybe(Due), Maybe(Gen.OneOf<string>("passed", "findings").Array[1, 2]))
        .SelectMany(t => Gen.Select(Maybe(Field.Array[1, 2]), Maybe(EvidenceGen.Array[1, 2]), Maybe(Timer.Array[1, 2]))
            .Select(u => new ElementDefinition("", t.Item1, Stage: t.Item2 is null ? null : "stage-1", Title: t.Item2, Description: t.Item3,
                Role: t.Item4, Scope: t.Item4 is null ? null : t.Item5, DepartmentCode: t.Item5 == TaskScope.Department ? "education" : null,
                Due: t.Item6, Outcomes: t.Item7 is null ? null : [.. t.Item7.Distinct()],
                Form: t.Item1 == ElementType.UserTask ? u.Item1?.DistinctBy(f => f.Key).ToList() : null,
                Evidence: t.Item1 == ElementType.UserTask ? u.Item2?.DistinctBy(e => e.Key).ToList() : null,
                Boundary: t.Item1 == ElementType.UserTask ? u.Item3?.DistinctBy(b => b.Id).ToList() : null,
                Action: t.Item1 == ElementType.ServiceTask ? "increment" : null,
                Input: t.Item1 == ElementType.ServiceTask ? new Dictionary<string, JsonElement> { ["name"] = JsonSerializer.SerializeToElement("rounds.{call}") } : null,
                Message: t.Item1 == ElementType.MessageEvent ? "municipal-verdict" : null,
                Calls: t.Item1 == ElementType.SubProcess ? "inspection" : null,
                Arguments: t.Item1 == ElementType.SubProcess
                    ? new Dictionary<string, JsonElement> { ["checkName"] = JsonSerializer.SerializeToElement("县级暗访"), ["checkDue"] = JsonSerializer.SerializeToElement(new { year = "target", month = 6 }) }
                    : null)));

    private static readonly Gen<TemplateDefinition> Templates =
        Gen.Select(Element.Array[1, Ids.Length], Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], Maybe(ConditionGen), Gen.Bool).Array[0, 12], Gen.Bool)
        .Select(t =>
        {
            var elements = t.Item1.Select((e, i) => e with { Id = Ids[i] }).ToList();
            var flows = t.Item2.Select((f, i) => new FlowDefinition(Ids[f.Item1 % elements.Count], Ids[f.Item2 % elements.Count], f.Item3, f.Item4 ? $"flow-{i}" : null)).ToList();
            elements = [.. elements.Select(e => e.Type == ElementType.ExclusiveGateway && flows.FirstOrDefault(f => f.From == e.Id) is { } first ? e with { Default = first.Key } : e)];
            var sub = new SubProcessDefinition("inspection", "县级检查", "check", "check",
                [new ElementDefinition("check", ElementType.UserTask, Title: "开展{checkName}", Role: "county-admin", Scope: TaskScope.County, Due: new DueRule(Argument: "checkDue"))],
                [], [new SubProcessParameter("checkName", "检查名称"), new SubProcessParameter("checkDue", "期限", "due")]);
            return new TemplateDefinition("generated", "生成的模板", "municipal", [new StageDefinition("stage-1", "阶段一", t.Item3 ? "phase-1" : null)],
                elements, flows,
                t.Item3 ? new Dictionary<string, decimal> { ["subsidyTotal"] = 800000m, ["share"] = 0.5m } : null,
                elements.Any(e => e.Type == ElementType.SubProcess) ? [sub] : null,
                t.Item3 ? [new PhaseDefinition("phase-1", "宣传发动")] : null,
                t.Item3 ? new Dictionary<string, TemplateParameterInfo> { ["share"] = new("比例", TemplateParameterInfo.FromTemplate, "说明") } : null);
        });

    [Fact]
    public void EveryGeneratedTemplateComesBackFromBpmnUnchanged() =>
        Templates.Sample(template =>
        {
            var written = TemplateDocument.Write(template);
            Assert.Equal(written, TemplateDocument.Write(BpmnImporter.Import(BpmnExporter.Export(template))));
        }, iter: 300);
}
