namespace Shizhu.Workflows.Events;

/// <summary>
/// A task operation put a task in someone's hands (ADR 0031): <see cref="Operation"/> is one of
/// <see cref="TaskOperationNames"/>' members — transferred (转办), delegated (委派), delegationResolved (back to the owner),
/// sentBack (退回 to an earlier task), withdrawn (撤回, reopened for its completer), copied (抄送, for information).
/// <see cref="To"/> and <see cref="ToName"/> name who has it now (for a copy: every recipient's display name).
/// </summary>
public sealed record TaskHandedOver(
    Guid EventId, DateTimeOffset OccurredAt, Guid WorkflowId, Guid TaskId, string TownshipCode, string TownshipName,
    string Title, string Role, string? DepartmentCode, string Operation, string? To, string? ToName, string Actor, string? ActorName,
    string? Reason);
