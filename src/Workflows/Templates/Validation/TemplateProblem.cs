namespace Shizhu.Workflows.Templates.Validation;

/// <summary>
/// One thing wrong with a template, located for the person who fixes it: <see cref="ElementId"/> is an
/// element's (or boundary timer's owner's) id, a flow's key (<c>from->to</c> or its id), or <see cref="Template"/>
/// for the document itself (sub-process definitions included: <c>subProcesses[0].entry</c>), or, inside a
/// sub-process call, <c>{callId}/{innerId}</c> (the call's own element or flow as the sub-process writes it);
/// <see cref="Field"/> is the path inside it (<c>role</c>, <c>due.month</c>,
/// <c>form[1].options</c>). <see cref="Code"/> is stable (see <see cref="TemplateProblemCodes"/>);
/// <see cref="Message"/> is in Chinese.
/// </summary>
public sealed record TemplateProblem(string ElementId, string Field, string Code, string Message)
{
    /// <summary>The <see cref="ElementId"/> of problems of the document as a whole (key, track, stages).</summary>
    public const string Template = "template";

    /// <summary><c>{elementId}.{field}</c>: the key of this problem in an RFC 9457 <c>errors</c> object.</summary>
    public string Location => Field.Length == 0 ? ElementId : $"{ElementId}.{Field}";
}
