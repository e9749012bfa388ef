using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>
/// Derives the milestones users see from where the tokens are: a stage becomes active when a token enters one
/// of its elements, and completes once no token sits in it: when its work is done, not when the next stage begins, so a
/// wait outside every stage (a timer holding the next county check until its month) is not counted in the stage before.
/// A loop back into a completed stage makes it active again.
/// </summary>
internal sealed class StageTracker(ProcessGraph graph, WorkflowInstance workflow, EngineChanges changes)
{
    public string? Current => workflow.CurrentStageKey;

    public void Entering(string elementId)
    {
        if (StageOf(elementId) is not { } key) return;
        var stage = workflow.Stages.Single(s => s.Key == key);
        if (stage.Status != StageStatus.Active)
        {
            var journal = changes.Journal(workflow.Id, JournalKind.StageEntered, $"进入阶段：{stage.Name}");
            journal.Before["stage"] = JournalState.Stage(stage);
            stage.Status = StageStatus.Active;
            stage.EnteredAt = changes.Now;
            stage.CompletedAt = null;
            journal.After["stage"] = JournalState.Stage(stage);
            changes.Raise(id => new StageEntered(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName, stage.Key, stage.Name));
        }
        if (Current is null || graph.StageOrder[key] >= graph.StageOrder[Current]) workflow.CurrentStageKey = key;
    }

    public void Settle(bool workflowEnded)
    {
        foreach (var stage in workflow.Stages.Where(s => s.Status == StageStatus.Active).OrderBy(s => s.Order))
        {
            if (workflow.Tokens.Any(t => StageOf(t.ElementId) == stage.Key)) continue;
            var journal = changes.Journal(workflow.Id, JournalKind.StageCompleted, $"完成阶段：{stage.Name}");
            journal.Before["stage"] = JournalState.Stage(stage);
            stage.Status = StageStatus.Completed;
            stage.CompletedAt = changes.Now;
            journal.After["stage"] = JournalState.Stage(stage);
        }
        if (workflowEnded) workflow.CurrentStageKey = null;
    }

    private string? StageOf(string elementId) =>
        graph.Elements.TryGetValue(elementId, out var element) ? element.Stage : null;
}
