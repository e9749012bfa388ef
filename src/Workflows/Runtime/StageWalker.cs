using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Moves a loaded workflow through its template: enters stages, opens the tasks whose dependencies are
/// done, leaves a stage when all its tasks are done, and completes the workflow after the last stage.
/// Pure in-memory work on tracked entities; the caller commits.
/// </summary>
internal sealed class StageWalker(TemplateDefinition template, WorkingCalendar calendar, EngineChanges changes)
{
    public void EnterStage(WorkflowInstance workflow, int index)
    {
        var definition = template.Stages[index];
        var stage = workflow.Stages.Single(s => s.Key == definition.Key);
        stage.Status = StageStatus.Active;
        stage.EnteredAt = changes.Now;
        workflow.CurrentStageKey = stage.Key;
        changes.Journal(workflow.Id, "StageEntered", $"进入阶段：{stage.Name}");
        changes.Raise(id => new StageEntered(id, changes.Now, workflow.Id, workflow.TownshipCode,
            workflow.TownshipName, stage.Key, stage.Name));
        OpenReadyTasksOrLeave(workflow, index);
    }

    public void TaskCompleted(WorkflowInstance workflow, WorkflowTask task)
    {
        var index = IndexOf(task.StageKey);
        OpenReadyTasksOrLeave(workflow, index);
    }

    private void OpenReadyTasksOrLeave(WorkflowInstance workflow, int index)
    {
        var definition = template.Stages[index];
        var existing = workflow.Tasks.Where(t => t.StageKey == definition.Key).ToDictionary(t => t.TaskKey);
        foreach (var task in definition.Tasks)
        {
            if (existing.ContainsKey(task.Key)) continue;
            var ready = (task.DependsOn ?? []).All(d => existing.TryGetValue(d, out var dep) && dep.Status == UserTaskStatus.Completed);
            if (ready) OpenTask(workflow, definition, task);
        }

        var stageDone = definition.Tasks.All(t =>
            workflow.Tasks.Any(x => x.StageKey == definition.Key && x.TaskKey == t.Key && x.Status == UserTaskStatus.Completed));
        if (stageDone) LeaveStage(workflow, index);
    }

    private void OpenTask(WorkflowInstance workflow, StageDefinition stage, TaskDefinition definition)
    {
        var dueAt = DueRuleEvaluator.Evaluate(definition.Due, workflow.StartYear, workflow.TargetYear, changes.Now, calendar);
        var task = new WorkflowTask
        {
            Id = changes.NewId(),
            WorkflowId = workflow.Id,
            StageKey = stage.Key,
            TaskKey = definition.Key,
            Title = definition.Title,
            Role = definition.Role,
            Scope = definition.Scope,
            TownshipCode = workflow.TownshipCode,
            CreatedAt = changes.Now,
            DueAt = dueAt,
        };
        changes.AddTask(workflow, task);
        changes.Journal(workflow.Id, "TaskCreated", $"生成任务：{task.Title}");
        changes.Raise(id => new TaskCreated(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode,
            workflow.TownshipName, stage.Key, task.Title, task.Role, dueAt));
        if (dueAt is { } due)
            changes.AddTimer(new WorkflowTimer { Id = changes.NewId(), WorkflowId = workflow.Id, TaskId = task.Id, Kind = TimerKind.TaskDue, DueAt = due });
    }

    private void LeaveStage(WorkflowInstance workflow, int index)
    {
        var stage = workflow.Stages.Single(s => s.Key == template.Stages[index].Key);
        stage.Status = StageStatus.Completed;
        stage.CompletedAt = changes.Now;
        changes.Journal(workflow.Id, "StageCompleted", $"完成阶段：{stage.Name}");
        if (index + 1 < template.Stages.Count)
        {
            EnterStage(workflow, index + 1);
            return;
        }
        workflow.Status = WorkflowStatus.Completed;
        workflow.CompletedAt = changes.Now;
        workflow.CurrentStageKey = null;
        changes.Journal(workflow.Id, "WorkflowCompleted", "创建工作流已完成");
        changes.Raise(id => new WorkflowCompleted(id, changes.Now, workflow.Id, workflow.TownshipCode,
            workflow.TownshipName, workflow.Track));
    }

    private int IndexOf(string stageKey)
    {
        for (var i = 0; i < template.Stages.Count; i++)
            if (template.Stages[i].Key == stageKey) return i;
        throw new InvalidOperationException($"Stage {stageKey} is not in template {template.Key}.");
    }
}
