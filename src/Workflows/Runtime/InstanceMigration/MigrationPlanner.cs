using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// Works out, without changing anything, how one workflow's waiting points map onto the target version
/// (Camunda's "migration instructions" applied to one instance). A token keeps its wait when its element maps to an
/// element of the same kind — a user task for the same people keeps the task row, a timer keeps or recomputes its
/// time, a message or join keeps waiting — and otherwise arrives anew at a user task, timer or message event (its old
/// task cancelled). Anything the plan does not cover is a refusal, located by element and worded in Chinese.
/// </summary>
internal sealed class MigrationPlanner(MigrationPlan plan, WorkflowInstance workflow, IReadOnlyList<WorkflowTask> openTasks,
    IReadOnlyList<WorkflowTimer> timers, WorkingCalendar calendar, DateTimeOffset now, Func<Guid>? newId)
{
    private readonly MigrationWork _work = new();

    public MigrationWork Work()
    {
        if (workflow.Status != WorkflowStatus.Running)
            _work.Refuse("", workflow.Status == WorkflowStatus.Suspended ? "该创建工作流已暂停，请恢复后再迁移。" : "该创建工作流已不在进行中。");
        else if (workflow.TemplateKey != plan.Key || workflow.TemplateVersion != plan.SourceVersion)
            _work.Refuse("", $"该创建工作流运行在模板 {workflow.TemplateKey} 第 {workflow.TemplateVersion} 版上，不是迁移计划的源版本（{plan.Key} 第 {plan.SourceVersion} 版）。");
        else
        {
            foreach (var token in workflow.Tokens.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)) MapToken(token);
            if (_work.Refusals.Count == 0 && _work.Moves.Count + _work.Arrivals.Count == 0)
                _work.Refuse("", "按此计划迁移后流程中不再有任何等待点，工作流将无法继续。");
            if (_work.Refusals.Count == 0) DeriveStages();
        }
        return _work;
    }

    private void MapToken(WorkflowToken token)
    {
        if (!plan.Source.Elements.TryGetValue(token.ElementId, out var from))
        {
            _work.Refuse(token.ElementId, $"令牌停在源版本中不存在的元素 {token.ElementId} 上。");
            return;
        }
        if (token.State == TokenState.Incident)
        {
            _work.Refuse(from.Id, $"元素 {Name(from)} 处有未处理的流程异常，请先处理并重试后再迁移。");
            return;
        }
        if (from.MultiInstance is { } multi)
        {
            // The signatures given so far belong to this version's instance list and completion condition: carried over
            // they could complete the new element wrongly or never (ADR 0045), so a running 会签 is not migrated.
            var open = openTasks.Count(t => t.TokenId == token.Id);
            _work.Refuse(from.Id, $"{Name(from)}的{multi.Name}正在进行（尚有 {open} 份签署未完成），不能迁移：请待{multi.Name}完成后再迁移。");
            return;
        }
        var targets = plan.TargetsOf(from.Id);
        if (targets is null)
        {
            _work.Refuse(from.Id, $"目标版本中没有元素 {Name(from)}，迁移计划也未说明如何处理（映射到新元素或取消）。");
            return;
        }
        var task = openTasks.SingleOrDefault(t => t.TokenId == token.Id);
        if (targets.Count == 0)
        {
            if (task is not null) CancelTask(task, "迁移计划取消了该任务所在的元素");
            CancelTokenTimers(token);
            _work.CancelledTokens.Add(token);
            _work.TokenViews.Add(new TokenMoveView(token.Id, from.Id, null, "cancelled"));
            return;
        }
        var first = plan.Target.Elements[targets[0]];
        if (!KeepWait(token, from, first, task))
        {
            if (task is not null) CancelTask(task, $"新版本中该事项由“{Name(first)}”承接");
            CancelTokenTimers(token);
            Arrive(token, from, first);
        }
        foreach (var extra in targets.Skip(1)) Arrive(null, from, plan.Target.Elements[extra]);
    }

    /// <summary>Keeps the token's wait on <paramref name="to"/> when it is the same kind of wait for the same people; false when it cannot be kept.</summary>
    private bool KeepWait(WorkflowToken token, ElementDefinition from, ElementDefinition to, WorkflowTask? task)
    {
        switch (Kind(from, plan.Source))
        {
            // A task is kept only on an ordinary task: one arriving at a 会签/或签 opens its instances afresh.
            case WaitKind.Task when Kind(to, plan.Target) == WaitKind.Task && to.MultiInstance is null && task is not null && SamePeople(task, to):
                KeepTask(token, task, from, to);
                break;
            case WaitKind.Time when Kind(to, plan.Target) == WaitKind.Time:
                KeepTimer(token, from, to);
                break;
            case WaitKind.Message when Kind(to, plan.Target) == WaitKind.Message:
                break;
            case WaitKind.Join:
                if (JoinFlow(token, to) is not { } arrivedBy) return RefuseKept(from, to, $"新版本中 {Name(to)} 不是汇合网关，或没有与令牌来路 {token.ArrivedBy} 对应的入口流转。");
                _work.Moves.Add((token, to.Id, arrivedBy));
                _work.TokenViews.Add(new TokenMoveView(token.Id, from.Id, to.Id, "moved"));
                return true;
            case WaitKind.None:
                return RefuseKept(from, to, $"令牌停在 {Name(from)}（{from.Type}）上，这类元素不能迁移。");
            default:
                return false;
        }
        _work.Moves.Add((token, to.Id, token.ArrivedBy));
        _work.TokenViews.Add(new TokenMoveView(token.Id, from.Id, to.Id, "moved"));
        return true;
    }

    // A wait that cannot be kept and must not be re-entered (a join) is refused; "true" stops the caller from arriving anew.
    private bool RefuseKept(ElementDefinition from, ElementDefinition to, string reason)
    {
        _work.Refuse(from.Id, reason);
        return true;
    }

    private void KeepTask(WorkflowToken token, WorkflowTask task, ElementDefinition from, ElementDefinition to)
    {
        var changed = !plan.KeepDueTimes && from.Due != to.Due;
        var due = changed ? Evaluate(to.Due, task.CreatedAt) : task.DueAt;
        _work.KeptTasks.Add(new KeptTask(task, from.Id, to.Id, to.Stage ?? task.StageKey, to.Title ?? to.Id, task.DueAt, due));
        var own = timers.Where(t => t.TaskId == task.Id).ToList();
        if (own.SingleOrDefault(t => t.Kind == TimerKind.TaskDue && t.FiredAt is null) is { } dueTimer)
        {
            if (due == dueTimer.DueAt) _work.TimerViews.Add(Kept(dueTimer, to.Id));
            else Replace(dueTimer, due, to.Id, task.Id, token.Id, to.Id);
        }
        else if (due is { } newDue && !task.Overdue && due != task.DueAt)
            Add(TimerKind.TaskDue, newDue, task.Id, token.Id, to.Id, to.Id);

        var boundaries = (to.Boundary ?? []).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var fromBoundaries = (from.Boundary ?? []).ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var timer in own.Where(t => t.Kind == TimerKind.Boundary && t.FiredAt is null))
        {
            if (!boundaries.TryGetValue(timer.ElementId!, out var boundary)) Stop(timer, null, "cancelled");
            else if (plan.KeepDueTimes || (fromBoundaries.TryGetValue(timer.ElementId!, out var old) && old.Due == boundary.Due))
                _work.TimerViews.Add(Kept(timer, timer.ElementId));
            else Replace(timer, Evaluate(boundary.Due, task.CreatedAt), boundary.Id, task.Id, token.Id, boundary.Id);
        }
        // A boundary timer the task never had is set as if the task had been created with it; one that already fired is not set again.
        foreach (var boundary in boundaries.Values.Where(b => own.All(t => t.ElementId != b.Id)))
            if (Evaluate(boundary.Due, task.CreatedAt) is { } at) Add(TimerKind.Boundary, at, task.Id, token.Id, boundary.Id, boundary.Id);
    }

    private void KeepTimer(WorkflowToken token, ElementDefinition from, ElementDefinition to)
    {
        if (timers.SingleOrDefault(t => t.TokenId == token.Id && t.Kind == TimerKind.TimerEvent && t.FiredAt is null) is not { } timer) return;
        var due = plan.KeepDueTimes || from.Due == to.Due ? timer.DueAt : Evaluate(to.Due, WaitStart(timer)) ?? now;
        // The row names its element: a renamed element gets a new row even when the time stays.
        if (due == timer.DueAt && from.Id == to.Id) _work.TimerViews.Add(Kept(timer, to.Id));
        else Replace(timer, due, to.Id, null, token.Id, to.Id);
    }

    private void Arrive(WorkflowToken? token, ElementDefinition from, ElementDefinition to)
    {
        switch (Kind(to, plan.Target))
        {
            case WaitKind.Task:
                var due = Evaluate(to.Due, now);
                // A 会签/或签 opens one task per instance (sequential: the first only), each with its own timers (ADR 0045).
                var opened = to.MultiInstance is { } multi ? (multi.Sequential ? Math.Min(1, multi.Keys.Count) : multi.Keys.Count) : 1;
                for (var i = 0; i < opened; i++)
                {
                    _work.CreatedTaskViews.Add(new TaskChangeView(null, to.Title ?? to.Id, null, to.Id, null, due));
                    if (due is { } at) _work.TimerViews.Add(new TimerChangeView(null, JournalState.Name(TimerKind.TaskDue), null, to.Id, null, at, "created"));
                    foreach (var boundary in to.Boundary ?? [])
                        if (Evaluate(boundary.Due, now) is { } boundaryAt)
                            _work.TimerViews.Add(new TimerChangeView(null, JournalState.Name(TimerKind.Boundary), null, boundary.Id, null, boundaryAt, "created"));
                }
                break;
            case WaitKind.Time:
                if (Evaluate(to.Due, now) is not { } timerAt || timerAt <= now)
                {
                    // The interpreter would leave at once and run on through elements a dry run cannot foresee.
                    _work.Refuse(from.Id, $"定时事件 {Name(to)} 的时间已过，令牌到达后会立即离开；请映射到其后的元素。");
                    return;
                }
                _work.TimerViews.Add(new TimerChangeView(null, JournalState.Name(TimerKind.TimerEvent), null, to.Id, null, timerAt, "created"));
                break;
            case WaitKind.Message:
                break;
            default:
                _work.Refuse(from.Id, $"{Name(from)} 不能迁移到 {Name(to)}（{to.Type}）：只能迁移到用户任务、定时事件或消息事件，或同类的等待点。");
                return;
        }
        _work.Arrivals.Add((token, from.Id, to.Id));
        _work.TokenViews.Add(new TokenMoveView(token?.Id, from.Id, to.Id, token is null ? "created" : "moved"));
    }

    private void CancelTask(WorkflowTask task, string reason)
    {
        _work.CancelledTasks.Add((task, reason));
        foreach (var timer in timers.Where(t => t.TaskId == task.Id && t.FiredAt is null)) Stop(timer, null, "cancelled");
    }

    private void CancelTokenTimers(WorkflowToken token)
    {
        foreach (var timer in timers.Where(t => t.TokenId == token.Id && t.TaskId is null && t.FiredAt is null)) Stop(timer, null, "cancelled");
    }

    private void Stop(WorkflowTimer timer, DateTimeOffset? dueAfter, string change)
    {
        if (_work.StoppedTimers.Contains(timer)) return;
        _work.StoppedTimers.Add(timer);
        _work.TimerViews.Add(new TimerChangeView(timer.Id, JournalState.Name(timer.Kind), timer.ElementId, null, timer.DueAt, dueAfter, change));
    }

    private void Replace(WorkflowTimer timer, DateTimeOffset? due, string element, Guid? taskId, Guid tokenId, string toElement)
    {
        _work.StoppedTimers.Add(timer);
        if (due is not { } at)
        {
            _work.TimerViews.Add(new TimerChangeView(timer.Id, JournalState.Name(timer.Kind), timer.ElementId, null, timer.DueAt, null, "cancelled"));
            return;
        }
        var replacement = New(timer.Kind, at, taskId, tokenId, element);
        _work.TimerViews.Add(new TimerChangeView(IdOf(replacement), JournalState.Name(timer.Kind), timer.ElementId, toElement, timer.DueAt, at, "recomputed"));
    }

    private void Add(TimerKind kind, DateTimeOffset at, Guid? taskId, Guid tokenId, string element, string toElement)
    {
        var timer = New(kind, at, taskId, tokenId, element);
        _work.TimerViews.Add(new TimerChangeView(IdOf(timer), JournalState.Name(kind), null, toElement, null, at, "created"));
    }

    private WorkflowTimer New(TimerKind kind, DateTimeOffset at, Guid? taskId, Guid tokenId, string element)
    {
        var timer = new WorkflowTimer { Id = newId?.Invoke() ?? Guid.Empty, WorkflowId = workflow.Id, TaskId = taskId, TokenId = tokenId, ElementId = element, Kind = kind, DueAt = at };
        _work.NewTimers.Add(timer);
        return timer;
    }

    /// <summary>A new row's id; none in a dry run, which makes no rows (<c>newId</c> null).</summary>
    private Guid? IdOf(WorkflowTimer timer) => newId is null ? null : timer.Id;

    private static TimerChangeView Kept(WorkflowTimer timer, string? to) =>
        new(timer.Id, JournalState.Name(timer.Kind), timer.ElementId, to, timer.DueAt, timer.DueAt, "kept");

    /// <summary>The target's incoming flow a join token now counts as having arrived by: the flow from where its old flow came from.</summary>
    private string? JoinFlow(WorkflowToken token, ElementDefinition to)
    {
        if (Kind(to, plan.Target) != WaitKind.Join) return null;
        var old = plan.Source.Incoming[token.ElementId].SingleOrDefault(f => f.Key == token.ArrivedBy);
        if (old is null) return null;
        var sources = plan.TargetsOf(old.From) ?? [];
        var candidates = plan.Target.Incoming[to.Id].Where(f => sources.Contains(f.From) || f.From == old.From).ToList();
        return candidates.Count == 1 ? candidates[0].Key : null;
    }

    private bool SamePeople(WorkflowTask task, ElementDefinition to)
    {
        var scope = to.Scope ?? TaskScope.Township;
        return task.Role == to.Role && task.Scope == scope && (scope != TaskScope.Department || task.DepartmentCode == to.DepartmentCode);
    }

    private DateTimeOffset? Evaluate(DueRule? rule, DateTimeOffset from) =>
        DueRuleEvaluator.Evaluate(rule, workflow.StartYear, workflow.TargetYear, from, calendar);

    /// <summary>
    /// When a timer's wait began, for a duration rule counted from it: timer ids are version-7 GUIDs made from the
    /// command's clock (<see cref="EngineChanges.NewId"/>), whose first 48 bits are that instant in Unix milliseconds.
    /// </summary>
    internal static DateTimeOffset WaitStart(WorkflowTimer timer)
    {
        var bytes = timer.Id.ToByteArray(bigEndian: true);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++) milliseconds = (milliseconds << 8) | bytes[i];
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private static WaitKind Kind(ElementDefinition element, Process.ProcessGraph graph) => element.Type switch
    {
        ElementType.UserTask => WaitKind.Task,
        ElementType.TimerEvent => WaitKind.Time,
        ElementType.StartEvent when element.Due is not null => WaitKind.Time,
        ElementType.MessageEvent => WaitKind.Message,
        ElementType.ParallelGateway when graph.Incoming[element.Id].Count() > 1 => WaitKind.Join,
        _ => WaitKind.None,
    };

    private static string Name(ElementDefinition element) => element.Title is { } title ? $"“{title}”（{element.Id}）" : element.Id;

    private void DeriveStages() => MigrationStages.Derive(plan, workflow,
        [.. _work.Moves.Select(m => m.To), .. _work.Arrivals.Select(a => a.To)], _work);

    private enum WaitKind { None, Task, Time, Message, Join }
}
