using System.Xml;
using System.Xml.Linq;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>
/// The XML names of the BPMN 2.0 mapping (ADR 0044): the OMG namespaces, this project's extension namespace
/// <see cref="Ext"/>, and how template ids become XML ids. Template ids may hold characters an XML id may not
/// (a leading digit, "/"), so they are written with <see cref="XmlConvert.EncodeLocalName"/>, which reverses exactly.
/// </summary>
public static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>This project's attributes and elements (role, scope, due rules, forms, evidence, stages, parameters).</summary>
    public static readonly XNamespace Ext = "https://shizhu.gov.cn/schema/workflows/1";

    public const string MediaType = "application/bpmn+xml";

    /// <summary>The id of the main process (the template) and of each sub-process definition's process.</summary>
    public const string ProcessPrefix = "Process_";
    public const string SubProcessPrefix = "SubProcess_";
    public const string MessagePrefix = "Message_";

    public static string Encode(string id) => XmlConvert.EncodeLocalName(id) ?? id;

    public static string Decode(string id) => XmlConvert.DecodeName(id) ?? id;
}
