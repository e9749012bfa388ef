namespace Shizhu.Workflows.Templates.Validation;

/// <summary>The stable codes of <see cref="TemplateProblem"/>s, for clients that react to a kind of problem.</summary>
public static class TemplateProblemCodes
{
    public const string InvalidJson = "invalidJson";
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string TooLarge = "tooLarge";
    public const string InvalidId = "invalidId";
    public const string DuplicateId = "duplicateId";
    public const string Duplicate = "duplicate";
    public const string KeyMismatch = "keyMismatch";
    public const string UnknownKey = "unknownKey";
    public const string UnknownTrack = "unknownTrack";
    public const string UnknownStage = "unknownStage";
    public const string UnusedStage = "unusedStage";
    public const string UnknownRole = "unknownRole";
    public const string UnknownDepartment = "unknownDepartment";
    public const string UnknownAction = "unknownAction";
    public const string InvalidInput = "invalidInput";
    public const string UnknownParameter = "unknownParameter";
    public const string UnknownValue = "unknownValue";
    public const string SelectWithoutOptions = "selectWithoutOptions";
    public const string InvalidRange = "invalidRange";
    public const string NotAllowed = "notAllowed";
    public const string UnknownElement = "unknownElement";
    public const string EmptyCondition = "emptyCondition";
    public const string UnknownOutcome = "unknownOutcome";
    public const string UnknownVariable = "unknownVariable";
    public const string NoStartEvent = "noStartEvent";
    public const string NoEndEvent = "noEndEvent";
    public const string Unreachable = "unreachable";
    public const string DeadEnd = "deadEnd";
    public const string LoopWithoutExit = "loopWithoutExit";
    public const string DefaultNotOutgoing = "defaultNotOutgoing";
    public const string FlowNeverTaken = "flowNeverTaken";
    public const string OutcomeWithoutFlow = "outcomeWithoutFlow";
    public const string ConditionsMayAllFail = "conditionsMayAllFail";
    public const string ConditionIgnored = "conditionIgnored";
    public const string ForkWithoutJoin = "forkWithoutJoin";
    public const string JoinWithoutFork = "joinWithoutFork";
    public const string InvalidDue = "invalidDue";
    public const string DueOutsidePlan = "dueOutsidePlan";
    public const string UnknownSubProcess = "unknownSubProcess";
    public const string RecursiveSubProcess = "recursiveSubProcess";
    public const string UnusedSubProcess = "unusedSubProcess";
    public const string UnknownArgument = "unknownArgument";
    public const string InvalidArgument = "invalidArgument";
    public const string UnknownPlaceholder = "unknownPlaceholder";
    /// <summary>A BPMN file holds an element, event or attribute the engine cannot run (import, ADR 0044).</summary>
    public const string UnsupportedBpmn = "unsupportedBpmn";
}
