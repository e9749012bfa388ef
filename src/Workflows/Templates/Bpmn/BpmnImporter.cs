using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates.Validation;
using static Shizhu.Workflows.Templates.Bpmn.BpmnNames;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML (as <see cref="BpmnExporter"/> writes it, or as a modeler saved it) into a template document, which
/// is then saved as a draft and validated like any other. What the engine cannot run is refused here, every problem
/// located by the element's id with a Chinese reason: other task kinds, gateways and events, embedded sub-processes,
/// pools and lanes, loops. The reader is hardened: no DTD (so no entity expansion or external entities), no resolver,
/// a size limit (ADR 0044).
/// </summary>
public static class BpmnImporter
{
    /// <summary>The largest document read (the built-in templates export to about 100 KB).</summary>
    public const int MaxCharacters = 2 * 1024 * 1024;
    public const string Field = "bpmn";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static TemplateDefinition Import(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(TemplateProblem.Template, "文件含有 DTD（文档类型声明）：为安全起见不予读取，请删除 <!DOCTYPE …> 后再导入。");
        }
        catch (XmlException e)
        {
            throw Refused(TemplateProblem.Template, $"文件不是格式正确的 XML（第 {e.LineNumber} 行第 {e.LinePosition} 列）。");
        }
        return new Reader(document).Read();
    }

    internal static InvalidTemplateException Refused(string elementId, string message) =>
        new([new TemplateProblem(elementId, Field, TemplateProblemCodes.UnsupportedBpmn, message)]);

    private sealed class Reader(XDocument document)
    {
        private readonly List<TemplateProblem> _problems = [];
        private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _subProcessKeys = new(StringComparer.Ordinal);

        public TemplateDefinition Read()
        {
            var root = document.Root;
            if (root?.Name != Model + "definitions")
                throw Refused(TemplateProblem.Template, "根元素必须是 BPMN 2.0 的 bpmn:definitions（命名空间 http://www.omg.org/spec/BPMN/20100524/MODEL）。");
            var processes = new List<XElement>();
            foreach (var child in root.Elements())
            {
                if (child.Name == Model + "message") _messages[Id(child)] = (string?)child.Attribute("name") ?? Id(child);
                else if (child.Name == Model + "process") processes.Add(child);
                else if (child.Name == BpmnDi + "BPMNDiagram" || child.Name == Model + "extensionElements" || child.Name == Model + "documentation") { }
                else if (child.Name == Model + "collaboration") Problem(Id(child), "不支持泳池和泳道（collaboration）：一个模板是一个流程，请删除泳池后再导入。");
                else Problem(Id(child), $"不支持的 BPMN 定义“{child.Name.LocalName}”。");
            }
            var main = processes.FirstOrDefault(p => Extension(p, "template") is not null)
                ?? processes.FirstOrDefault(p => Extension(p, "subProcess") is null);
            if (main is null) throw Refused(TemplateProblem.Template, "文件中没有流程（bpmn:process）。");
            var subs = processes.Where(p => p != main).ToList();
            foreach (var sub in subs)
                _subProcessKeys[Id(sub)] = (string?)Extension(sub, "subProcess")?.Attribute("key") ?? Decode(Strip(Id(sub), SubProcessPrefix));

            var template = Extension(main, "template");
            var (elements, flows) = Process(main, "");
            var subProcesses = subs.Select(SubProcess).ToList();
            if (_problems.Count > 0) throw new InvalidTemplateException(_problems);

            var phases = template?.Elements(Ext + "phase").Select(p => new PhaseDefinition(Text(p, "key"), Text(p, "name"))).ToList();
            var parameters = template?.Elements(Ext + "parameter").ToDictionary(p => Text(p, "name"), p => Decimal(p, "value") ?? 0m, StringComparer.Ordinal);
            var info = template?.Elements(Ext + "parameterInfo").ToDictionary(p => Text(p, "name"),
                p => new TemplateParameterInfo(Text(p, "label"), (string?)p.Attribute("source") ?? TemplateParameterInfo.FromTemplate, (string?)p.Attribute("description")),
                StringComparer.Ordinal);
            return new TemplateDefinition(
                (string?)template?.Attribute("key") ?? Decode(Strip(Id(main), ProcessPrefix)),
                (string?)main.Attribute("name") ?? "",
                (string?)template?.Attribute("track") ?? "",
                template?.Elements(Ext + "stage").Select(s => new StageDefinition(Text(s, "key"), Text(s, "name"), (string?)s.Attribute("phase"))).ToList() ?? [],
                elements, flows,
                parameters is { Count: > 0 } ? parameters : null,
                subProcesses.Count > 0 ? subProcesses : null,
                phases is { Count: > 0 } ? phases : null,
                info is { Count: > 0 } ? info : null);
        }

        private SubProcessDefinition SubProcess(XElement process)
        {
            var extension = Extension(process, "subProcess");
            var key = _subProcessKeys[Id(process)];
            var (elements, flows) = Process(process, Encode(key) + ".");
            var parameters = extension?.Elements(Ext + "parameter")
                .Select(p => new SubProcessParameter(Text(p, "key"), Text(p, "label"), (string?)p.Attribute("type") ?? "text")).ToList();
            return new SubProcessDefinition(key, (string?)process.Attribute("name") ?? key,
                (string?)extension?.Attribute("entry") ?? "", (string?)extension?.Attribute("exit") ?? "",
                elements, flows, parameters is { Count: > 0 } ? parameters : null);
        }

        private (List<ElementDefinition> Elements, List<FlowDefinition> Flows) Process(XElement process, string prefix)
        {
            string Local(string xmlId) => Decode(Strip(xmlId, prefix));
            var children = process.Elements().ToList();
            var kinds = children.Where(c => c.Attribute("id") is not null).ToDictionary(Id, c => c.Name.LocalName, StringComparer.Ordinal);
            var boundaries = children.Where(c => c.Name == Model + "boundaryEvent").ToList();
            var fromBoundary = boundaries.Select(Id).ToHashSet(StringComparer.Ordinal);
            var flowsX = children.Where(c => c.Name == Model + "sequenceFlow").ToList();
            var flows = new List<FlowDefinition>();
            var flowKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in flowsX)
            {
                var source = (string?)f.Attribute("sourceRef") ?? "";
                if (fromBoundary.Contains(source)) continue;
                var flow = new FlowDefinition(Local(source), Local((string?)f.Attribute("targetRef") ?? ""),
                    ConditionOf(f, Local(Id(f))), (string?)f.Attribute(Ext + "anonymous") == "true" ? null : Local(Id(f)));
                flowKeys[Id(f)] = flow.Key;
                flows.Add(flow);
            }

            var elements = new List<ElementDefinition>();
            foreach (var x in children)
            {
                var name = x.Name.LocalName;
                if (x.Name.Namespace != Model) { Problem(Local(Id(x)), $"不支持的元素“{x.Name}”。"); continue; }
                if (name is "extensionElements" or "documentation" or "sequenceFlow" or "boundaryEvent") continue;
                var type = TypeOf(x, Local(Id(x)));
                if (type is null) continue;
                var id = Local(Id(x));
                var timers = boundaries.Where(b => (string?)b.Attribute("attachedToRef") == Id(x))
                    .Select(b => Boundary(b, x, prefix, flowsX, Local)).OfType<BoundaryTimer>().ToList();
                var defaultFlow = (string?)x.Attribute("default") is { } d
                    ? flowKeys.GetValueOrDefault(d, Local(d))
                    : (string?)x.Attribute(Ext + "default");
                var message = x.Element(Model + "messageEventDefinition") is { } m
                    ? (string?)m.Attribute("messageRef") is { } messageRef ? _messages.GetValueOrDefault(messageRef, Decode(Strip(messageRef, MessagePrefix))) : null
                    : (string?)x.Attribute(Ext + "message");
                var calls = (string?)x.Attribute("calledElement") is { } called
                    ? _subProcessKeys.GetValueOrDefault(called, Decode(Strip(called, SubProcessPrefix)))
                    : null;
                var ext = x.Element(Model + "extensionElements");
                elements.Add(new ElementDefinition(id, type.Value,
                    Stage: (string?)x.Attribute(Ext + "stage"),
                    Title: (string?)x.Attribute(Ext + "nameOfCalled") == "true" ? null : (string?)x.Attribute("name"),
                    Description: x.Element(Model + "documentation")?.Value,
                    Role: (string?)x.Attribute(Ext + "role"),
                    Scope: Scope(x, id),
                    DepartmentCode: (string?)x.Attribute(Ext + "department"),
                    Due: Due(ext?.Element(Ext + "due")),
                    Outcomes: List(ext?.Elements(Ext + "outcome").Select(o => Text(o, "name"))),
                    Form: List(ext?.Elements(Ext + "formField").Select(FormField)),
                    Evidence: List(ext?.Elements(Ext + "evidence").Select(Evidence)),
                    Boundary: timers.Count > 0 ? timers : null,
                    Action: (string?)x.Attribute(Ext + "action"),
                    Input: Json(ext, "input", id),
                    Message: message,
                    Default: defaultFlow,
                    Calls: calls,
                    Arguments: Json(ext, "argument", id),
                    MultiInstance: BpmnMultiInstance.Import(x.Element(Model + "multiInstanceLoopCharacteristics"), message => Problem(id, message))));
            }
            foreach (var b in boundaries.Where(b => kinds.GetValueOrDefault((string?)b.Attribute("attachedToRef") ?? "") != "userTask"))
                Problem(Local(Id(b)), "边界定时器只能附在人工任务（userTask）上。");
            return (elements, flows);
        }

        private ElementType? TypeOf(XElement x, string id)
        {
            var definitions = x.Elements().Where(c => c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
            foreach (var child in x.Elements().Where(c => c.Name.Namespace == Model && !c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)
                         && c.Name.LocalName is not ("documentation" or "extensionElements" or "incoming" or "outgoing")
                         // A user task's multi-instance marker is a 会签/或签 (BpmnMultiInstance).
                         && !(c.Name.LocalName == "multiInstanceLoopCharacteristics" && x.Name.LocalName == "userTask")))
                Problem(id, child.Name.LocalName switch
                {
                    "multiInstanceLoopCharacteristics" => "只有人工任务（userTask）可以是会签/或签（多实例）。",
                    "standardLoopCharacteristics" => "不支持循环标记：请用网关和流转表达重复。",
                    _ => $"不支持子元素“{child.Name.LocalName}”。",
                });
            bool Only(string definition) => definitions.Count == 1 && definitions[0].Name == Model + definition;
            switch (x.Name.LocalName)
            {
                case "startEvent" when definitions.Count == 0 || Only("timerEventDefinition"): return ElementType.StartEvent;
                case "startEvent": Problem(id, "开始事件只能是普通开始或定时开始。"); return null;
                case "endEvent" when definitions.Count == 0: return ElementType.EndEvent;
                case "endEvent": Problem(id, "结束事件只能是普通结束（不支持终止、错误、消息等结束事件）。"); return null;
                case "intermediateCatchEvent" when Only("timerEventDefinition"): return ElementType.TimerEvent;
                case "intermediateCatchEvent" when Only("messageEventDefinition"): return ElementType.MessageEvent;
                case "intermediateCatchEvent": Problem(id, "中间捕获事件只能是定时事件或消息事件。"); return null;
                case "userTask": return ElementType.UserTask;
                case "serviceTask": return ElementType.ServiceTask;
                case "exclusiveGateway": return ElementType.ExclusiveGateway;
                case "parallelGateway": return ElementType.ParallelGateway;
                case "callActivity": return ElementType.SubProcess;
                case "task" or "scriptTask" or "sendTask" or "receiveTask" or "manualTask" or "businessRuleTask":
                    Problem(id, $"不支持的任务类型“{x.Name.LocalName}”：请使用人工任务（userTask）或系统任务（serviceTask）。"); return null;
                case "inclusiveGateway" or "eventBasedGateway" or "complexGateway":
                    Problem(id, $"不支持的网关“{x.Name.LocalName}”：请使用排他网关（exclusiveGateway）或并行网关（parallelGateway）。"); return null;
                case "subProcess" or "transaction" or "adHocSubProcess":
                    Problem(id, "不支持嵌入式子流程：请把它定义为模板的子流程，用调用活动（callActivity）调用。"); return null;
                case "intermediateThrowEvent":
                    Problem(id, "不支持抛出事件：引擎只等待定时和外部消息。"); return null;
                case "laneSet":
                    Problem(id, "不支持泳道（laneSet）：任务由角色和范围（shizhu:role、shizhu:scope）分派。"); return null;
                default:
                    Problem(id, $"不支持的 BPMN 元素“{x.Name.LocalName}”。"); return null;
            }
        }

        private BoundaryTimer? Boundary(XElement b, XElement owner, string prefix, IReadOnlyList<XElement> flows, Func<string, string> local)
        {
            var xmlId = Id(b);
            var ownerPrefix = Id(owner) + ".";
            var timerId = Decode(xmlId.StartsWith(ownerPrefix, StringComparison.Ordinal) ? xmlId[ownerPrefix.Length..] : Strip(xmlId, prefix));
            var definitions = b.Elements().Where(c => c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
            if (definitions.Count != 1 || definitions[0].Name != Model + "timerEventDefinition")
            {
                Problem(local(xmlId), "边界事件只能是定时器（timerEventDefinition）。");
                return null;
            }
            var due = Due(b.Element(Model + "extensionElements")?.Element(Ext + "due"));
            if (due is null)
            {
                Problem(local(xmlId), "边界定时器缺少到期规则（shizhu:due）。");
                return null;
            }
            var to = flows.FirstOrDefault(f => (string?)f.Attribute("sourceRef") == xmlId) is { } flow ? local((string?)flow.Attribute("targetRef") ?? "") : null;
            return new BoundaryTimer(timerId, due, (string?)b.Attribute(Ext + "kind") ?? "reminder",
                // BPMN's default for cancelActivity is true.
                (string?)b.Attribute("cancelActivity") != "false", to);
        }

        private Condition? ConditionOf(XElement flow, string id)
        {
            if (flow.Element(Model + "extensionElements")?.Element(Ext + "condition") is { } c) return Condition(c);
            if (flow.Element(Model + "conditionExpression") is not null)
                Problem(id, "条件表达式无法执行：请用 shizhu:condition 写出条件（变量、等于、不等于、小于、至少）。");
            return null;
        }

        private static Condition Condition(XElement c) => new(
            (string?)c.Attribute("variable"), (string?)c.Attribute("equalTo"), (string?)c.Attribute("notEqualTo"),
            Decimal(c, "lessThan"), Decimal(c, "atLeast"),
            c.Element(Ext + "all")?.Elements(Ext + "condition").Select(Condition).ToList(),
            c.Element(Ext + "any")?.Elements(Ext + "condition").Select(Condition).ToList());

        private static DueRule? Due(XElement? d) => d is null ? null : new DueRule(
            (string?)d.Attribute("year"), (int?)d.Attribute("month"), (int?)d.Attribute("day"), (string?)d.Attribute("at"),
            (int?)d.Attribute("yearOffset"), (int?)d.Attribute("workingDays"), (int?)d.Attribute("days"),
            (string?)d.Attribute("argument"), (string?)d.Attribute("workingDaysParameter"));

        private static FormField FormField(XElement f) => new(Text(f, "key"), Text(f, "label"), (string?)f.Attribute("type") ?? "text",
            (bool?)f.Attribute("required") ?? false,
            f.Element(Ext + "options")?.Elements(Ext + "option").Select(o => o.Value).ToList(),
            Decimal(f, "min"), Decimal(f, "max"), (int?)f.Attribute("maxLength"));

        private static EvidenceRequirement Evidence(XElement e) => new(Text(e, "key"), Text(e, "label"), (bool?)e.Attribute("required") ?? true,
            e.Element(Ext + "requiredFor")?.Elements(Ext + "outcome").Select(o => Text(o, "name")).ToList());

        private TaskScope? Scope(XElement x, string id)
        {
            if ((string?)x.Attribute(Ext + "scope") is not { } text) return null;
            if (Enum.TryParse<TaskScope>(text, ignoreCase: true, out var scope) && !int.TryParse(text, out _)) return scope;
            Problem(id, $"shizhu:scope 的取值“{text}”无法识别：应为 township、county 或 department。");
            return null;
        }

        private Dictionary<string, JsonElement>? Json(XElement? ext, string name, string id)
        {
            var items = ext?.Elements(Ext + name).ToList();
            if (items is not { Count: > 0 }) return null;
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                try
                {
                    using var json = JsonDocument.Parse(item.Value);
                    values[Text(item, "name")] = json.RootElement.Clone();
                }
                catch (JsonException)
                {
                    Problem(id, $"shizhu:{name}“{Text(item, "name")}”的值不是 JSON。");
                }
            }
            return values;
        }

        private static List<T>? List<T>(IEnumerable<T>? items) => items?.ToList() is { Count: > 0 } list ? list : null;

        private static XElement? Extension(XElement process, string name) =>
            process.Element(Model + "extensionElements")?.Element(Ext + name);

        private static string Text(XElement x, string attribute) => (string?)x.Attribute(attribute) ?? "";

        private static decimal? Decimal(XElement x, string attribute) =>
            (string?)x.Attribute(attribute) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

        private static string Id(XElement x) => (string?)x.Attribute("id") ?? $"<{x.Name.LocalName}>";

        private static string Strip(string id, string prefix) => prefix.Length > 0 && id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;

        private void Problem(string id, string message) =>
            _problems.Add(new TemplateProblem(id, Field, TemplateProblemCodes.UnsupportedBpmn, message));
    }
}
