namespace Shizhu.Workflows.Events;

/// <summary>The task operations as the API, <c>allowedOperations</c> and <see cref="TaskHandedOver.Operation"/> spell them.</summary>
public static class TaskOperationNames
{
    public const string Claim = "claim";
    public const string Release = "release";
    public const string Assign = "assign";
    public const string Complete = "complete";
    public const string Transfer = "transfer";
    public const string Delegate = "delegate";
    public const string Resolve = "resolve";
    public const string SendBack = "sendBack";
    public const string Copy = "copy";
    public const string Withdraw = "withdraw";

    // Operation names of TaskHandedOver that are states rather than commands.
    public const string Transferred = "transferred";
    public const string Delegated = "delegated";
    public const string DelegationResolved = "delegationResolved";
    public const string SentBack = "sentBack";
    public const string Withdrawn = "withdrawn";
    public const string Copied = "copied";
}
