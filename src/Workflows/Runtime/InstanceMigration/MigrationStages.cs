using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// Re-derives the milestones users see for the target version, the way <c>StageTracker</c> derives them while a
/// workflow runs: a stage holding a token is active; an active stage left behind (before the furthest occupied stage)
/// is completed; other stages keep their status; stages only the target has start pending, and stages the target no
/// longer has are dropped (the journal row keeps them).
/// </summary>
internal static class MigrationStages
{
    public static void Derive(MigrationPlan plan, WorkflowInstance workflow, IReadOnlyList<string> tokenElements, MigrationWork work)
    {
        var order = plan.Target.StageOrder;
        var occupied = tokenElements.Select(e => plan.Target.Elements[e].Stage).OfType<string>().Where(order.ContainsKey).ToHashSet();
        var current = occupied.Count > 0 ? occupied.MaxBy(k => order[k])
            : workflow.CurrentStageKey is { } key && order.ContainsKey(key) ? key : null;
        var currentOrder = current is null ? -1 : order[current];
        var existing = workflow.Stages.ToDictionary(s => s.Key, StringComparer.Ordinal);
        foreach (var stage in plan.Target.Template.Stages)
        {
            var before = existing.GetValueOrDefault(stage.Key)?.Status;
            var after = occupied.Contains(stage.Key) ? StageStatus.Active
                : before == StageStatus.Active && order[stage.Key] < currentOrder ? StageStatus.Completed
                : before ?? StageStatus.Pending;
            work.Stages.Add(new StageChangeView(stage.Key, stage.Name, before, after));
        }
        foreach (var gone in workflow.Stages.Where(s => !order.ContainsKey(s.Key)).OrderBy(s => s.Order))
            work.Stages.Add(new StageChangeView(gone.Key, gone.Name, gone.Status, null));
        work.CurrentStageAfter = current;
    }

    /// <summary>Makes the workflow's stage rows what <see cref="Derive"/> worked out; new rows are added through <paramref name="add"/>, dropped ones through <paramref name="remove"/>.</summary>
    public static void Apply(MigrationPlan plan, WorkflowInstance workflow, MigrationWork work, DateTimeOffset now,
        Action<WorkflowStage> add, Action<WorkflowStage> remove)
    {
        var order = plan.Target.StageOrder;
        foreach (var change in work.Stages)
        {
            var row = workflow.Stages.SingleOrDefault(s => s.Key == change.Key);
            if (change.After is not { } status)
            {
                workflow.Stages.Remove(row!);
                remove(row!);
                continue;
            }
            if (row is null)
            {
                row = new WorkflowStage { WorkflowId = workflow.Id, Key = change.Key, Name = change.Name, Order = order[change.Key] };
                workflow.Stages.Add(row);
                add(row);
            }
            (row.Name, row.Order) = (change.Name, order[change.Key]);
            if (row.Status == status) continue;
            if (status == StageStatus.Active) (row.EnteredAt, row.CompletedAt) = (now, null);
            if (status == StageStatus.Completed) row.CompletedAt = now;
            row.Status = status;
        }
        workflow.CurrentStageKey = work.CurrentStageAfter;
    }
}
