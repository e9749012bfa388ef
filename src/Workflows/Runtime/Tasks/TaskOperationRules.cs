using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Tasks;

/// <summary>
/// Who may do what to an open task, in one place: the commands refuse with these rules and <c>GET /api/tasks/{id}</c>
/// lists the operations they allow (<c>allowedOperations</c>), so the UI and clients never restate them (ADR 0031).
/// A task being worked by a delegate (委派, pending) stays with the delegate until they resolve it.
/// </summary>
internal static class TaskOperationRules
{
    private static bool Delegated(WorkflowTask t) => t.Delegation == DelegationState.Pending;

    public static bool CanClaim(Actor a, WorkflowTask t) => t.Assignee is null && WorkflowGuard.CanWorkOn(a, t);

    public static bool CanRelease(Actor a, WorkflowTask t) =>
        t.Assignee is not null && !Delegated(t) && (t.Assignee == a.UserName || a.IsInRole(Roles.CountyAdmin));

    public static bool CanAssign(Actor a, WorkflowTask t) => !Delegated(t) && (a.IsInRole(Roles.CountyAdmin)
        || (a.IsInRole(Roles.TownshipLeader) && t.Scope == TaskScope.Township && a.TownshipCode == t.TownshipCode));

    /// <summary>The holder of the task's role who has it (or anyone of them while nobody has); never its delegate.</summary>
    public static bool CanComplete(Actor a, WorkflowTask t) =>
        !Delegated(t) && WorkflowGuard.CanWorkOn(a, t) && (t.Assignee is null || t.Assignee == a.UserName);

    /// <summary>转办: the assignee, the county office, or (nobody having it) any holder of its role.</summary>
    public static bool CanTransfer(Actor a, WorkflowTask t) => !Delegated(t)
        && (t.Assignee == a.UserName && WorkflowGuard.CanWorkOn(a, t) || a.IsInRole(Roles.CountyAdmin) || CanComplete(a, t));

    /// <summary>委派: whoever could complete it hands it to a delegate and stays its owner.</summary>
    public static bool CanDelegate(Actor a, WorkflowTask t) => CanComplete(a, t);

    /// <summary>The delegate gives the worked task back to its owner.</summary>
    public static bool CanResolve(Actor a, WorkflowTask t) => Delegated(t) && t.Assignee == a.UserName;

    /// <summary>退回: whoever could complete it, or the county office (the targets are checked separately).</summary>
    public static bool CanSendBack(Actor a, WorkflowTask t) => CanComplete(a, t) || (!Delegated(t) && a.IsInRole(Roles.CountyAdmin));

    /// <summary>抄送: a holder of the task's role in its scope, or the county office; open or not.</summary>
    public static bool CanCopy(Actor a, WorkflowTask t) => WorkflowGuard.CanWorkOn(a, t) || a.IsInRole(Roles.CountyAdmin);

    /// <summary>撤回: only who completed it (the untouched next task is checked separately).</summary>
    public static bool CanWithdraw(Actor a, WorkflowTask t) => t.Status == UserTaskStatus.Completed && t.CompletedBy == a.UserName;
}
