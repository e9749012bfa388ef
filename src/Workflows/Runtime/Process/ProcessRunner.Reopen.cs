using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime.Process;

// 退回 and 撤回 (ADR 0031): a token goes back to a user task that was completed on its path, and that task row opens again.
internal sealed partial class ProcessRunner
{
    /// <summary>
    /// 退回: moves <paramref name="token"/> (waiting on a task the caller has cancelled) back to the earlier user task
    /// <paramref name="elementId"/>, which opens a fresh task there — a fresh instance each for a 会签/或签; answers them.
    /// </summary>
    public IReadOnlyList<WorkflowTask> SendBack(WorkflowToken token, string elementId, JournalRecord journal)
    {
        var opened = _opened.Count;
        Moving(journal, token);
        token.ElementId = elementId;
        token.ArrivedBy = null;
        token.State = TokenState.Waiting;
        Arrive(token);
        Run();
        return [.. _opened.Skip(opened).Where(t => t.TokenId == token.Id && t.ElementId == elementId)];
    }

    /// <summary>
    /// Moves <paramref name="token"/> back to <paramref name="task"/>'s element and reopens the task: open again with its
    /// due time and boundary timers computed anew from now, its earlier outcome cleared (its form data stays, to be
    /// corrected rather than typed again). The caller has cancelled what the token waited on.
    /// </summary>
    public void Reopen(WorkflowToken token, WorkflowTask task, JournalRecord journal)
    {
        Moving(journal, token);
        token.ElementId = task.ElementId;
        token.ArrivedBy = null;
        token.State = TokenState.Waiting;
        _stages.Entering(task.ElementId);
        var element = _graph.Elements[task.ElementId];
        task.Status = UserTaskStatus.Open;
        task.CompletedAt = null;
        task.CompletedBy = null;
        task.Outcome = null;
        task.Overdue = false;
        task.DueAt = DueRuleEvaluator.Evaluate(element.Due, _workflow.StartYear, CycleYear, _changes.Now, _calendar);
        task.Revision++;
        AddTaskTimers(token, element, task);
        Run();
    }
}
