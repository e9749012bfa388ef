namespace Shizhu.Workflows.Runtime.Model;

/// <summary>One township's creation workflow, pinned to the template version it started on.</summary>
public sealed class WorkflowInstance
{
    public required Guid Id { get; init; }
    public required string TownshipCode { get; init; }
    public required string TownshipName { get; init; }
    public required string Track { get; init; }
    public required int StartYear { get; init; }
    public required int TargetYear { get; init; }

    /// <summary>What the plan asks of this creation by the target year (<see cref="Plans.Goals"/>): the title, or the assessment passed.</summary>
    public string Goal { get; init; } = Plans.Goals.Named;
    public required string TemplateKey { get; init; }
    /// <summary>Changed only by an instance migration (Runtime/InstanceMigration), in the same transaction as the state it maps.</summary>
    public required int TemplateVersion { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public string? CurrentStageKey { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string StartedBy { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency token: every command that changes the instance bumps it.</summary>
    public int Revision { get; set; }

    /// <summary>The workflow's variables as a JSON object (task outcomes, form data, messages, counters).</summary>
    public string Variables { get; set; } = "{}";

    public List<WorkflowStage> Stages { get; init; } = [];
    public List<WorkflowToken> Tokens { get; init; } = [];
    public List<WorkflowTask> Tasks { get; init; } = [];
}
