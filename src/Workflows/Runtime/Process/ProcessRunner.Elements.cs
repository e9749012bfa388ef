using Shizhu.Workflows.Supervision;
using Shizhu.Workflows.Calendar;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

// What each kind of element does when a token arrives.
internal sealed partial class ProcessRunner
{
    private void Execute(WorkflowToken token)
    {
        if (!_graph.Elements.TryGetValue(token.ElementId, out var element))
        {
            RaiseIncident(token, $"模板中没有元素 {token.ElementId}。");
            return;
        }
        switch (element.Type)
        {
            case ElementType.StartEvent when element.Due is not null:
            case ElementType.TimerEvent:
                WaitForTime(token, element);
                break;
            case ElementType.StartEvent:
                Leave(token);
                break;
            case ElementType.EndEvent:
                End(token);
                break;
            case ElementType.UserTask when element.MultiInstance is { } multi:
                OpenInstances(token, element, multi);
                break;
            case ElementType.UserTask:
                OpenTask(token, element);
                break;
            case ElementType.ServiceTask:
                RunServiceTask(token, element);
                break;
            case ElementType.ExclusiveGateway:
                Decide(token, element);
                break;
            case ElementType.ParallelGateway:
                Parallel(token, element);
                break;
            case ElementType.MessageEvent:
                _changes.Journal(_workflow.Id, JournalKind.WaitingForMessage, $"等待外部消息：{element.Message}")
                    .After["token"] = JournalState.Token(token.Id, token.ElementId);
                break;
            case ElementType.SubProcess:
                // Calls are expanded when the template is read (TemplateCatalog.Parse); one left means its sub-process could not be.
                RaiseIncident(token, $"子流程调用 {element.Id} 无法展开：子流程“{element.Calls}”未定义或调用了自身。");
                break;
        }
    }

    /// <summary>
    /// The year the template's <c>target</c> due rules fall in: the plan's target year, one year later for each time the
    /// county office rolled the creation over to the next year's cycle (<see cref="RolloversVariable"/>).
    /// </summary>
    private int CycleYear => _workflow.TargetYear + (int)_variables.GetNumber(RolloversVariable);

    /// <summary>The counter a template's roll-over path increments (<c>increment</c> action).</summary>
    public const string RolloversVariable = "cycle.rollovers";

    private void WaitForTime(WorkflowToken token, ElementDefinition element)
    {
        var due = DueRuleEvaluator.Evaluate(element.Due, _workflow.StartYear, CycleYear, _changes.Now, _calendar);
        if (due is null || due <= _changes.Now)
        {
            Leave(token);
            return;
        }
        var timer = new WorkflowTimer { Id = _changes.NewId(), WorkflowId = _workflow.Id, TokenId = token.Id, ElementId = element.Id, Kind = TimerKind.TimerEvent, DueAt = due.Value };
        _changes.AddTimer(timer);
        var journal = _changes.Journal(_workflow.Id, JournalKind.WaitingForTime, $"等待至 {ChinaTime.ToLocal(due.Value):yyyy-MM-dd HH:mm}（{element.Title ?? element.Id}）");
        journal.After["timer"] = JournalState.Timer(timer);
        journal.After["token"] = JournalState.Token(token.Id, token.ElementId);
    }

    private void End(WorkflowToken token)
    {
        Consume(token);
        if (_workflow.Tokens.Count > 0) return;
        var journal = _changes.Journal(_workflow.Id, JournalKind.WorkflowCompleted, "创建工作流已完成");
        journal.Before["workflow"] = JournalState.Workflow(_workflow.Status);
        _workflow.Status = WorkflowStatus.Completed;
        _workflow.CompletedAt = _changes.Now;
        journal.After["workflow"] = JournalState.Workflow(_workflow.Status).With("completedAt", _workflow.CompletedAt);
        _changes.Raise(id => new WorkflowCompleted(id, _changes.Now, _workflow.Id, _workflow.TownshipCode, _workflow.TownshipName, _workflow.Track));
    }

    /// <summary>Opens the element's task; for a 会签/或签, the instance for <paramref name="instanceKey"/> (its department, user or role).</summary>
    private void OpenTask(WorkflowToken token, ElementDefinition element, string? instanceKey = null)
    {
        var dueAt = DueRuleEvaluator.Evaluate(element.Due, _workflow.StartYear, CycleYear, _changes.Now, _calendar);
        var scope = element.Scope ?? TaskScope.Township;
        var multi = instanceKey is null ? null : element.MultiInstance;
        var task = new WorkflowTask
        {
            Id = _changes.NewId(), WorkflowId = _workflow.Id, TokenId = token.Id,
            StageKey = element.Stage ?? _stages.Current ?? "", ElementId = element.Id,
            Title = element.Title ?? element.Id, Role = (multi?.Roles is not null ? instanceKey : element.Role) ?? "", Scope = scope,
            TownshipCode = _workflow.TownshipCode, CreatedAt = _changes.Now, DueAt = dueAt,
            // Only a department's task belongs to its department; another scope's departmentCode names who guides it.
            DepartmentCode = scope != TaskScope.Department ? null : multi?.DepartmentCodes is not null ? instanceKey : element.DepartmentCode,
            Assignee = multi?.Users is not null ? instanceKey : null,
            InstanceKey = instanceKey,
        };
        _changes.AddTask(task);
        _opened.Add(task);
        var journal = _changes.Journal(_workflow.Id, JournalKind.TaskCreated, $"生成任务：{task.Title}");
        journal.After["task"] = JournalState.Task(task).With("role", task.Role).With("scope", JournalState.Name(task.Scope))
            .With("departmentCode", task.DepartmentCode).With("dueAt", task.DueAt);
        if (task.InstanceKey is not null) journal.After["task"]!.AsObject()["instanceKey"] = task.InstanceKey;
        journal.After["token"] = JournalState.Token(token.Id, token.ElementId);
        _changes.Raise(id => new TaskCreated(id, _changes.Now, _workflow.Id, task.Id, _workflow.TownshipCode, _workflow.TownshipName,
            task.StageKey, task.Title, task.Role, dueAt, task.DepartmentCode));
        AddTaskTimers(token, element, task);
    }

    /// <summary>The task's due timer and yellow warning (when it has a due time) and its boundary timers.</summary>
    private void AddTaskTimers(WorkflowToken token, ElementDefinition element, WorkflowTask task)
    {
        if (task.DueAt is { } due)
        {
            _changes.AddTimer(new WorkflowTimer { Id = _changes.NewId(), WorkflowId = _workflow.Id, TaskId = task.Id, TokenId = token.Id, ElementId = element.Id, Kind = TimerKind.TaskDue, DueAt = due });
            // The yellow warning is a durable timer like the due time, so it fires once across replicas (ADR 0037).
            if (WarningPoint.TimerAt(due, _graph.Template.WarningLead, _calendar, _changes.Now) is { } warnAt)
                _changes.AddTimer(new WorkflowTimer { Id = _changes.NewId(), WorkflowId = _workflow.Id, TaskId = task.Id, TokenId = token.Id, ElementId = element.Id, Kind = TimerKind.TaskWarning, DueAt = warnAt });
            // The escalation chain's steps are set when this deadline fires (TimerFiring), not now: most tasks are done in
            // time, and a completion then cancels two timers instead of five (ADR 0050).
        }
        foreach (var boundary in element.Boundary ?? [])
        {
            var at = DueRuleEvaluator.Evaluate(boundary.Due, _workflow.StartYear, CycleYear, _changes.Now, _calendar);
            if (at is { } boundaryDue)
                _changes.AddTimer(new WorkflowTimer { Id = _changes.NewId(), WorkflowId = _workflow.Id, TaskId = task.Id, TokenId = token.Id, ElementId = boundary.Id, Kind = TimerKind.Boundary, DueAt = boundaryDue });
        }
    }

    private void RunServiceTask(WorkflowToken token, ElementDefinition element)
    {
        if (element.Action is not { } name || !_actions.TryGetValue(name, out var action))
        {
            RaiseIncident(token, $"未知的服务任务动作：{element.Action}。");
            return;
        }
        string? detail = null;
        _variables.StartRecording();
        try
        {
            action.Execute(new ServiceTaskContext(_workflow, element, _graph.Template, _variables, _changes.Now, _changes.AddRow,
                line => detail = line));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure of the action (as IServiceTaskAction promises) becomes an incident an operator can retry,
            // rather than failing the command that reached the service task (a task completion, a timer) for good.
            _variables.StopRecording();
            RaiseIncident(token, ex.Message);
            return;
        }
        // Every service task leaves a row, with the variables it set before and after: a counter's increment is a change too.
        var (before, after) = _variables.StopRecording();
        var journal = _changes.Journal(_workflow.Id, JournalKind.ServiceTaskCompleted, detail ?? $"执行服务任务：{element.Title ?? element.Id}（{name}）");
        journal.Before["variables"] = before;
        journal.After["variables"] = after;
        Leave(token);
    }

    private void Decide(WorkflowToken token, ElementDefinition element)
    {
        var outgoing = _graph.Outgoing[element.Id].ToList();
        var chosen = outgoing.FirstOrDefault(f => f.Condition is not null && _variables.Holds(f.Condition))
            ?? outgoing.FirstOrDefault(f => f.Key == element.Default || (element.Default is null && f.Condition is null));
        if (chosen is null)
        {
            RaiseIncident(token, $"排他网关 {element.Id} 的条件都不成立且没有默认流转。");
            return;
        }
        Follow(token, [chosen]);
    }

    /// <summary>
    /// A parallel gateway with one incoming flow splits; with several it joins: the token waits until a token
    /// has arrived on every incoming flow, then one token per flow is consumed and one goes on. Counting per
    /// flow (not per token) keeps the join right inside loops, where a flow may carry a second round's token
    /// before another flow has carried the first round's.
    /// </summary>
    private void Parallel(WorkflowToken token, ElementDefinition element)
    {
        var incoming = _graph.Incoming[element.Id].Select(f => f.Key).ToList();
        var outgoing = _graph.Outgoing[element.Id].ToList();
        if (incoming.Count > 1)
        {
            var waiting = _workflow.Tokens.Where(t => t.ElementId == element.Id && t.State == TokenState.Waiting).ToList();
            var firstPerFlow = incoming.Select(flow => waiting.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).FirstOrDefault(t => t.ArrivedBy == flow)).ToList();
            if (firstPerFlow.Any(t => t is null)) return;
            foreach (var arrived in firstPerFlow.Where(t => t!.Id != token.Id)) Consume(arrived!);
            if (!firstPerFlow.Contains(token))
            {
                // This token arrived on a flow that already had one waiting: it stays, the earliest goes on.
                token = NewToken(element.Id, null);
            }
        }
        if (outgoing.Count == 0)
        {
            RaiseIncident(token, $"并行网关 {element.Id} 没有出口。");
            return;
        }
        Follow(token, outgoing);
    }
}
