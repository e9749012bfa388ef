using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using static Shizhu.Workflows.Templates.Bpmn.BpmnNames;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// Writes a template document (as stored: sub-process definitions and calls not expanded) as BPMN 2.0 XML: standard
/// elements for what BPMN has (events, tasks, gateways, conditional flows, timer boundary events, message catch events,
/// call activities), this project's attributes in the <see cref="BpmnNames.Ext"/> namespace (ADR 0044), and a DI
/// section from <see cref="BpmnLayout"/>. <see cref="BpmnImporter"/> reads it back to an equal document.
/// </summary>
public static class BpmnExporter
{
    public static string Export(TemplateDefinition template)
    {
        var processId = ProcessPrefix + Encode(template.Key);
        var messages = template.Elements.Concat(template.SubProcesses?.SelectMany(s => s.Elements) ?? [])
            .Select(e => e.Message).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var subProcessIds = (template.SubProcesses ?? []).ToDictionary(s => s.Key, s => SubProcessPrefix + Encode(s.Key), StringComparer.Ordinal);

        var names = (template.SubProcesses ?? []).ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        var main = Process(processId, template.Name, "", template.Elements, template.Flows, subProcessIds, true, names);
        main.Element(Model + "extensionElements")!.Add(TemplateExtension(template));
        var processes = new List<(XElement Process, Diagram Diagram)> { (main, Diagram.Of(main)) };
        foreach (var sub in template.SubProcesses ?? [])
        {
            var process = Process(subProcessIds[sub.Key], sub.Name, Encode(sub.Key) + ".", sub.Elements, sub.Flows, subProcessIds, false, names);
            process.Element(Model + "extensionElements")!.Add(new XElement(Ext + "subProcess",
                new XAttribute("key", sub.Key), new XAttribute("entry", sub.Entry), new XAttribute("exit", sub.Exit),
                (sub.Parameters ?? []).Select(p => new XElement(Ext + "parameter",
                    new XAttribute("key", p.Key), new XAttribute("label", p.Label), new XAttribute("type", p.Type)))));
            processes.Add((process, Diagram.Of(process)));
        }

        var definitions = new XElement(Model + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Model), new XAttribute(XNamespace.Xmlns + "bpmndi", BpmnDi),
            new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "di", Di),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi), new XAttribute(XNamespace.Xmlns + "shizhu", Ext),
            new XAttribute("id", "Definitions_" + Encode(template.Key)),
            new XAttribute("targetNamespace", Ext.NamespaceName),
            new XAttribute("exporter", "Shizhu.Workflows"), new XAttribute("exporterVersion", "1"),
            messages.Select(m => new XElement(Model + "message", new XAttribute("id", MessagePrefix + Encode(m)), new XAttribute("name", m))),
            processes.Select(p => p.Process),
            processes.Select(p => p.Diagram.ToXml(p.Process)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), definitions).Declaration + "\n" + definitions;
    }

    private static XElement TemplateExtension(TemplateDefinition template) => new(Ext + "template",
        new XAttribute("key", template.Key), new XAttribute("track", template.Track),
        (template.Phases ?? []).Select(p => new XElement(Ext + "phase", new XAttribute("key", p.Key), new XAttribute("name", p.Name))),
        template.Stages.Select(s => new XElement(Ext + "stage", new XAttribute("key", s.Key), new XAttribute("name", s.Name), Optional("phase", s.Phase))),
        (template.Parameters ?? new Dictionary<string, decimal>()).Select(p => new XElement(Ext + "parameter",
            new XAttribute("name", p.Key), new XAttribute("value", p.Value.ToString(CultureInfo.InvariantCulture)))),
        (template.ParameterInfo ?? new Dictionary<string, TemplateParameterInfo>()).Select(p => new XElement(Ext + "parameterInfo",
            new XAttribute("name", p.Key), new XAttribute("label", p.Value.Label), new XAttribute("source", p.Value.Source),
            Optional("description", p.Value.Description))));

    private static XElement Process(string id, string name, string prefix, IReadOnlyList<ElementDefinition> elements,
        IReadOnlyList<FlowDefinition> flows, IReadOnlyDictionary<string, string> subProcessIds, bool executable,
        IReadOnlyDictionary<string, string> names)
    {
        var flowIds = FlowIds(prefix, flows);
        var process = new XElement(Model + "process", new XAttribute("id", id), new XAttribute("name", name),
            new XAttribute("isExecutable", executable ? "true" : "false"), new XElement(Model + "extensionElements"));
        foreach (var element in elements) process.Add(Element(element, prefix, flows, flowIds, subProcessIds, names));
        foreach (var element in elements)
            foreach (var timer in element.Boundary ?? [])
                process.Add(Boundary(element, timer, prefix));
        for (var i = 0; i < flows.Count; i++) process.Add(Flow(flows[i], flowIds[i], prefix));
        foreach (var element in elements)
            foreach (var timer in (element.Boundary ?? []).Where(t => t.To is not null))
                process.Add(new XElement(Model + "sequenceFlow",
                    new XAttribute("id", BoundaryId(element, timer, prefix) + ".to"), new XAttribute(Ext + "anonymous", "true"),
                    new XAttribute("sourceRef", BoundaryId(element, timer, prefix)), new XAttribute("targetRef", prefix + Encode(timer.To!))));
        return process;
    }

    /// <summary>A flow's XML id: its template id, or one made from its ends and marked <c>shizhu:anonymous</c> (the template has none).</summary>
    private static IReadOnlyList<string> FlowIds(string prefix, IReadOnlyList<FlowDefinition> flows)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return [.. flows.Select((f, i) =>
        {
            var id = f.Id is not null ? prefix + Encode(f.Id) : $"{prefix}Flow_{Encode(f.From)}_{Encode(f.To)}";
            return taken.Add(id) ? id : $"{id}_{i}";
        })];
    }

    internal static string BoundaryId(ElementDefinition owner, BoundaryTimer timer, string prefix) =>
        $"{prefix}{Encode(owner.Id)}.{Encode(timer.Id)}";

    private static XElement Element(ElementDefinition e, string prefix, IReadOnlyList<FlowDefinition> flows,
        IReadOnlyList<string> flowIds, IReadOnlyDictionary<string, string> subProcessIds, IReadOnlyDictionary<string, string> names)
    {
        var name = e.Type switch
        {
            ElementType.StartEvent => "startEvent",
            ElementType.EndEvent => "endEvent",
            ElementType.UserTask => "userTask",
            ElementType.ServiceTask => "serviceTask",
            ElementType.ExclusiveGateway => "exclusiveGateway",
            ElementType.ParallelGateway => "parallelGateway",
            ElementType.TimerEvent or ElementType.MessageEvent => "intermediateCatchEvent",
            ElementType.SubProcess => "callActivity",
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type, "An element type the BPMN mapping does not know."),
        };
        var x = new XElement(Model + name, new XAttribute("id", prefix + Encode(e.Id)), Optional("name", e.Title),
            Optional(Ext + "stage", e.Stage), Optional(Ext + "role", e.Role),
            Optional(Ext + "scope", e.Scope is { } scope ? JsonNamingPolicy.CamelCase.ConvertName(scope.ToString()) : null),
            Optional(Ext + "department", e.DepartmentCode), Optional(Ext + "action", e.Action));
        if (e.Type == ElementType.ExclusiveGateway && e.Default is { } defaultKey)
        {
            var index = flows.ToList().FindIndex(f => f.Key == defaultKey);
            x.Add(index >= 0 ? new XAttribute("default", flowIds[index]) : new XAttribute(Ext + "default", defaultKey));
        }
        else if (e.Default is not null) x.Add(new XAttribute(Ext + "default", e.Default));
        if (e.Type == ElementType.SubProcess && e.Calls is { } calls)
        {
            x.Add(new XAttribute("calledElement", subProcessIds.TryGetValue(calls, out var called) ? called : Encode(calls)));
            // A call has no title of its own: the diagram shows the sub-process's name, marked so the import keeps none.
            if (e.Title is null && names.TryGetValue(calls, out var callName))
                x.Add(new XAttribute("name", callName), new XAttribute(Ext + "nameOfCalled", "true"));
        }
        if (e.Description is not null) x.Add(new XElement(Model + "documentation", e.Description));
        var extension = new XElement(Model + "extensionElements",
            Due(e.Due),
            (e.Outcomes ?? []).Select(o => new XElement(Ext + "outcome", new XAttribute("name", o))),
            (e.Form ?? []).Select(Field),
            (e.Evidence ?? []).Select(Evidence),
            Json(Ext + "input", e.Input),
            Json(Ext + "argument", e.Arguments));
        // The BPMN schema orders a base element's children: documentation, then extensionElements, then the rest.
        if (extension.HasElements) x.Add(extension);
        if (e.Type is ElementType.TimerEvent || (e.Type == ElementType.StartEvent && e.Due is not null))
            x.Add(new XElement(Model + "timerEventDefinition"));
        if (e.Type == ElementType.MessageEvent)
            x.Add(new XElement(Model + "messageEventDefinition",
                e.Message is { } message ? new XAttribute("messageRef", MessagePrefix + Encode(message)) : null));
        else if (e.Message is not null) x.Add(new XAttribute(Ext + "message", e.Message));
        // The BPMN schema puts an activity's loop characteristics after its extension elements.
        x.Add(BpmnMultiInstance.Export(e.MultiInstance));
        return x;
    }

    private static XElement Boundary(ElementDefinition owner, BoundaryTimer timer, string prefix) =>
        new(Model + "boundaryEvent",
            new XAttribute("id", BoundaryId(owner, timer, prefix)),
            new XAttribute("name", timer.Kind switch { "escalation" => "升级督办", "timeout" => "超时", _ => "催办" }),
            new XAttribute("attachedToRef", prefix + Encode(owner.Id)),
            new XAttribute("cancelActivity", timer.Interrupting ? "true" : "false"),
            new XAttribute(Ext + "kind", timer.Kind),
            new XElement(Model + "extensionElements", Due(timer.Due)),
            new XElement(Model + "timerEventDefinition"));

    private static XElement Flow(FlowDefinition flow, string id, string prefix)
    {
        var x = new XElement(Model + "sequenceFlow", new XAttribute("id", id),
            flow.Id is null ? new XAttribute(Ext + "anonymous", "true") : null,
            new XAttribute("sourceRef", prefix + Encode(flow.From)), new XAttribute("targetRef", prefix + Encode(flow.To)));
        if (flow.Condition is { } condition)
        {
            x.Add(new XElement(Model + "extensionElements", Condition(condition)));
            x.Add(new XElement(Model + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"),
                "${" + BpmnConditionText.Of(condition) + "}"));
        }
        return x;
    }

    internal static XElement Condition(Condition c) => new(Ext + "condition",
        Optional("variable", c.Variable), Optional("equalTo", c.EqualTo), Optional("notEqualTo", c.NotEqualTo),
        Optional("lessThan", c.LessThan?.ToString(CultureInfo.InvariantCulture)),
        Optional("atLeast", c.AtLeast?.ToString(CultureInfo.InvariantCulture)),
        c.All is null ? null : new XElement(Ext + "all", c.All.Select(Condition)),
        c.Any is null ? null : new XElement(Ext + "any", c.Any.Select(Condition)));

    internal static XElement? Due(DueRule? due) => due is null ? null : new XElement(Ext + "due",
        Optional("year", due.Year), Optional("month", due.Month), Optional("day", due.Day), Optional("at", due.At),
        Optional("yearOffset", due.YearOffset), Optional("workingDays", due.WorkingDays), Optional("days", due.Days),
        Optional("argument", due.Argument), Optional("workingDaysParameter", due.WorkingDaysParameter));

    private static XElement Field(FormField f) => new(Ext + "formField",
        new XAttribute("key", f.Key), new XAttribute("label", f.Label), new XAttribute("type", f.Type),
        new XAttribute("required", f.Required ? "true" : "false"),
        Optional("min", f.Min?.ToString(CultureInfo.InvariantCulture)), Optional("max", f.Max?.ToString(CultureInfo.InvariantCulture)),
        Optional("maxLength", f.MaxLength),
        f.Options is null ? null : new XElement(Ext + "options", f.Options.Select(o => new XElement(Ext + "option", o))));

    private static XElement Evidence(EvidenceRequirement r) => new(Ext + "evidence",
        new XAttribute("key", r.Key), new XAttribute("label", r.Label), new XAttribute("required", r.Required ? "true" : "false"),
        r.RequiredFor is null ? null : new XElement(Ext + "requiredFor", r.RequiredFor.Select(o => new XElement(Ext + "outcome", new XAttribute("name", o)))));

    /// <summary>Free-form values (a service task's input, a call's arguments) as JSON text, one element per name.</summary>
    private static IEnumerable<XElement> Json(XName name, IReadOnlyDictionary<string, JsonElement>? values) =>
        (values ?? new Dictionary<string, JsonElement>()).Select(v => new XElement(name, new XAttribute("name", v.Key), v.Value.GetRawText()));

    private static XAttribute? Optional(XName name, object? value) =>
        value is null ? null : new XAttribute(name, value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value);

    /// <summary>The shapes and edges of one process, laid out.</summary>
    private sealed class Diagram
    {
        private BpmnLayout _layout = null!;

        public static Diagram Of(XElement process)
        {
            var nodes = new List<(string, double, double)>();
            var attached = new List<(string, string, double)>();
            var edges = new List<BpmnLayout.Edge>();
            foreach (var x in process.Elements())
            {
                var id = (string)x.Attribute("id")!;
                switch (x.Name.LocalName)
                {
                    case "sequenceFlow": edges.Add(new(id, (string)x.Attribute("sourceRef")!, (string)x.Attribute("targetRef")!)); break;
                    case "boundaryEvent": attached.Add((id, (string)x.Attribute("attachedToRef")!, 36)); break;
                    case "userTask" or "serviceTask" or "callActivity": nodes.Add((id, 100, 80)); break;
                    case "exclusiveGateway" or "parallelGateway": nodes.Add((id, 50, 50)); break;
                    case "startEvent" or "endEvent" or "intermediateCatchEvent": nodes.Add((id, 36, 36)); break;
                }
            }
            return new Diagram { _layout = new BpmnLayout(nodes, edges, attached) };
        }

        public XElement ToXml(XElement process)
        {
            var id = (string)process.Attribute("id")!;
            var plane = new XElement(BpmnDi + "BPMNPlane", new XAttribute("id", id + "_di"), new XAttribute("bpmnElement", id));
            foreach (var (node, box) in _layout.Nodes)
            {
                var shape = new XElement(BpmnDi + "BPMNShape", new XAttribute("id", node + "_di"), new XAttribute("bpmnElement", node),
                    new XElement(Dc + "Bounds", new XAttribute("x", box.X), new XAttribute("y", box.Y),
                        new XAttribute("width", box.Width), new XAttribute("height", box.Height)));
                if (process.Elements().FirstOrDefault(e => (string?)e.Attribute("id") == node)?.Name.LocalName is "exclusiveGateway")
                    shape.Add(new XAttribute("isMarkerVisible", "true"));
                plane.Add(shape);
            }
            foreach (var (edge, points) in _layout.Edges)
                plane.Add(new XElement(BpmnDi + "BPMNEdge", new XAttribute("id", edge + "_di"), new XAttribute("bpmnElement", edge),
                    points.Select(p => new XElement(Di + "waypoint", new XAttribute("x", p.X), new XAttribute("y", p.Y)))));
            return new XElement(BpmnDi + "BPMNDiagram", new XAttribute("id", id + "_diagram"), plane);
        }
    }
}
