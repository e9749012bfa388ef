namespace Shizhu.Workflows.Templates;

/// <summary>The kinds of element a template is made of, after BPMN.</summary>
public enum ElementType
{
    StartEvent,
    EndEvent,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    /// <summary>An intermediate timer: the token waits until the due rule's instant ("1 May of the target year").</summary>
    TimerEvent,
    /// <summary>A message catch event: the token waits for a message from outside (the municipal office's verdict).</summary>
    MessageEvent,
    /// <summary>
    /// A call of a named sub-process (<see cref="ElementDefinition.Calls"/>) with arguments: replaced by the sub-process's
    /// elements, ids prefixed with the call's, when the template is read to run (<c>SubProcesses/SubProcessExpander</c>).
    /// </summary>
    SubProcess,
}
