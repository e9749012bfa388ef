namespace Shizhu.Workflows.Runtime.Model;

/// <summary>A user task: work for everyone holding <see cref="Role"/> in the task's scope.</summary>
public sealed class WorkflowTask
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string StageKey { get; set; }
    /// <summary>The user-task element of the template this task was created for (changed only by an instance migration).</summary>
    public required string ElementId { get; set; }
    /// <summary>The token waiting on this task.</summary>
    public Guid? TokenId { get; init; }
    public required string Title { get; set; }
    public required string Role { get; init; }
    public required TaskScope Scope { get; init; }
    /// <summary>The workflow's township; a county-scope task still belongs to one township's creation.</summary>
    public required string TownshipCode { get; init; }
    /// <summary>The county department a department-scope task is for; null for other scopes.</summary>
    public string? DepartmentCode { get; init; }
    public UserTaskStatus Status { get; set; } = UserTaskStatus.Open;
    public string? Assignee { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; set; }
    public bool Overdue { get; set; }
    /// <summary>
    /// Whether an alert was ever raised on this task: completing it looks for alerts to resolve only then, so the
    /// engine's hot path pays no query for the many tasks that never had one (ADR 0037).
    /// </summary>
    public bool Alerted { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    /// <summary>The submitted form data as JSON.</summary>
    public string? Data { get; set; }
    public string? Comment { get; set; }

    /// <summary>委派: who delegated the task (委托人) and gets it back to confirm; null when it was never delegated.</summary>
    public string? Owner { get; set; }
    /// <summary>委派's state: pending while the delegate works on it, resolved once it is back with <see cref="Owner"/>.</summary>
    public DelegationState? Delegation { get; set; }
    /// <summary>Why the task is with its assignee now (退回/撤回/转办 reason), shown on the task; the journal keeps every one.</summary>
    public string? HandoverNote { get; set; }

    /// <summary>
    /// 会签/或签: the entry of the element's instance list this task signs for (a department code, user name or role);
    /// null for an ordinary task (ADR 0045). All instances of one element wait on the same token.
    /// </summary>
    public string? InstanceKey { get; init; }

    /// <summary>Optimistic concurrency token: two users completing at once, exactly one wins.</summary>
    public int Revision { get; set; }
}
