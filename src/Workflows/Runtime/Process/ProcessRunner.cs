using System.Text.Json.Nodes;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

/// <summary>
/// The token interpreter. Moves a loaded workflow's tokens through its template until each waits (a user
/// task, a timer, a message, a join, an incident) or ends. In-memory work on tracked entities: the caller's
/// command commits it in one transaction. The workflow must be loaded with its stages and tokens.
/// </summary>
internal sealed partial class ProcessRunner
{
    /// <summary>A bound on steps per command, so a template that loops without waiting raises an incident instead of spinning.</summary>
    private const int MaxSteps = 5_000;

    private readonly ProcessGraph _graph;
    private readonly WorkingCalendar _calendar;
    private readonly EngineChanges _changes;
    private readonly IReadOnlyDictionary<string, IServiceTaskAction> _actions;
    private readonly WorkflowInstance _workflow;
    private readonly Variables _variables;
    private readonly Queue<WorkflowToken> _arrivals = new();
    private readonly StageTracker _stages;
    /// <summary>Journal rows of the command that moved a token, to be told where the token came to wait.</summary>
    private readonly List<(JournalRecord Journal, Guid TokenId)> _moves = [];
    private int _steps;
    /// <summary>The tasks this run opened, in order (退回 assigns the one it reopened).</summary>
    private readonly List<WorkflowTask> _opened = [];

    public ProcessRunner(TemplateDefinition template, WorkingCalendar calendar, EngineChanges changes,
        IReadOnlyDictionary<string, IServiceTaskAction> actions, WorkflowInstance workflow)
    {
        _graph = ProcessGraph.For(template);
        _calendar = calendar;
        _changes = changes;
        _actions = actions;
        _workflow = workflow;
        _variables = Variables.Parse(workflow.Variables);
        _stages = new StageTracker(_graph, workflow, changes);
    }

    public Variables Variables => _variables;

    /// <summary>Places a token on every start event and runs.</summary>
    public void Start()
    {
        foreach (var start in _graph.Template.Elements.Where(e => e.Type == ElementType.StartEvent))
            Arrive(NewToken(start.Id, arrivedBy: null));
        Run();
    }

    /// <summary>
    /// A user task was completed: record its outcome and data as variables and move its token on. The command's
    /// <paramref name="journal"/> row shows the variable and the token before and after. Answers whether the task's
    /// element is done: always for an ordinary task; for a 会签/或签 instance only once its completion condition holds.
    /// </summary>
    public bool TaskCompleted(WorkflowTask task, string? outcome, JsonObject? data, string actor, JournalRecord journal)
    {
        var record = data?.DeepClone() as JsonObject ?? [];
        record["outcome"] = outcome;
        record["completedBy"] = actor;
        if (task.InstanceKey is not null && _graph.Elements.TryGetValue(task.ElementId, out var element) && element.MultiInstance is { } multi)
            return InstanceCompleted(task, element, multi, record, outcome, journal);
        SetJournaled(journal, task.ElementId, record);
        if (TokenOf(task.TokenId) is { } token)
        {
            Moving(journal, token);
            Leave(token);
        }
        Run();
        return true;
    }

    /// <summary>A timer event's (or timer start's) time has come: its token moves on.</summary>
    public void TimerElapsed(Guid tokenId, JournalRecord journal)
    {
        if (TokenOf(tokenId) is { } token)
        {
            Moving(journal, token);
            Leave(token);
        }
        Run();
    }

    /// <summary>A message arrived for a waiting message event: its payload becomes the element's variables.</summary>
    public void MessageArrived(WorkflowToken token, JsonObject payload, JournalRecord journal)
    {
        SetJournaled(journal, token.ElementId, payload.DeepClone());
        Moving(journal, token);
        Leave(token);
        Run();
    }

    /// <summary>An interrupting boundary timer cancelled its task: the token continues at <paramref name="elementId"/>.</summary>
    public void Interrupt(Guid tokenId, string elementId, JournalRecord journal)
    {
        if (TokenOf(tokenId) is not { } token) return;
        Moving(journal, token);
        token.ElementId = elementId;
        token.ArrivedBy = null;
        Arrive(token);
        Run();
    }

    /// <summary>Runs the element an incident stopped at once more.</summary>
    public void Retry(WorkflowToken token, JournalRecord journal)
    {
        Moving(journal, token);
        token.State = TokenState.Waiting;
        Arrive(token);
        Run();
    }

    /// <summary>Notes where the token waits now; once the run is over, the journal row is told where it came to wait.</summary>
    private void Moving(JournalRecord journal, WorkflowToken token)
    {
        journal.Before["token"] = JournalState.Token(token.Id, token.ElementId);
        _moves.Add((journal, token.Id));
    }

    private void SetJournaled(JournalRecord journal, string path, JsonNode value)
    {
        journal.Before["variables"] = new JsonObject { [path] = _variables.Get(path)?.DeepClone() };
        _variables.Set(path, value);
        journal.After["variables"] = new JsonObject { [path] = value.DeepClone() };
    }

    private WorkflowToken? TokenOf(Guid? id) => id is null ? null : _workflow.Tokens.SingleOrDefault(t => t.Id == id);

    private void Run()
    {
        while (_arrivals.TryDequeue(out var token))
        {
            if (++_steps > MaxSteps)
            {
                // Every token still on the move stops in an incident, so none is left stranded between elements.
                var moving = new List<WorkflowToken> { token };
                while (_arrivals.TryDequeue(out var next)) moving.Add(next);
                foreach (var stopped in moving.Distinct().Where(t => t.State == TokenState.Waiting && _workflow.Tokens.Contains(t)))
                    RaiseIncident(stopped, "流程在一次操作中执行步数过多（可能存在没有等待点的循环）。");
                break;
            }
            Execute(token);
        }
        _stages.Settle(_workflow.Status == WorkflowStatus.Completed);
        _workflow.Variables = _variables.ToJson();
        foreach (var (journal, tokenId) in _moves)
            journal.After["token"] = JournalState.Token(tokenId, _workflow.Tokens.FirstOrDefault(t => t.Id == tokenId)?.ElementId);
        _moves.Clear();
    }

    private void Arrive(WorkflowToken token)
    {
        _stages.Entering(token.ElementId);
        _arrivals.Enqueue(token);
    }

    private WorkflowToken NewToken(string elementId, string? arrivedBy)
    {
        var token = new WorkflowToken { Id = _changes.NewId(), WorkflowId = _workflow.Id, ElementId = elementId, ArrivedBy = arrivedBy, CreatedAt = _changes.Now };
        _changes.AddToken(_workflow, token);
        return token;
    }

    private void Consume(WorkflowToken token) => _changes.RemoveToken(_workflow, token);

    /// <summary>Moves a token out of its element along every outgoing flow whose condition holds (more than one: a split).</summary>
    private void Leave(WorkflowToken token)
    {
        var flows = _graph.Outgoing[token.ElementId].Where(f => _variables.Holds(f.Condition)).ToList();
        if (flows.Count == 0)
        {
            RaiseIncident(token, $"元素 {token.ElementId} 没有可走的流转。");
            return;
        }
        Follow(token, flows);
    }

    private void Follow(WorkflowToken token, IReadOnlyList<FlowDefinition> flows)
    {
        for (var i = 1; i < flows.Count; i++) Arrive(NewToken(flows[i].To, flows[i].Key));
        token.ElementId = flows[0].To;
        token.ArrivedBy = flows[0].Key;
        token.State = TokenState.Waiting;
        Arrive(token);
    }

    private void RaiseIncident(WorkflowToken token, string error)
    {
        var before = JournalState.Name(token.State);
        token.State = TokenState.Incident;
        var incident = new Incident { Id = _changes.NewId(), WorkflowId = _workflow.Id, TokenId = token.Id, ElementId = token.ElementId, Error = error, CreatedAt = _changes.Now };
        _changes.AddIncident(incident);
        var journal = _changes.Journal(_workflow.Id, JournalKind.IncidentRaised, $"流程异常（{token.ElementId}）：{error}");
        journal.Before["token"] = JournalState.Token(token.Id, token.ElementId).With("state", before);
        journal.After["token"] = JournalState.Token(token.Id, token.ElementId).With("state", JournalState.Name(token.State));
        journal.After["incident"] = new JsonObject { ["id"] = incident.Id, ["error"] = error };
        _changes.Raise(id => new IncidentRaised(id, _changes.Now, _workflow.Id, _workflow.TownshipCode, _workflow.TownshipName, token.ElementId, error));
    }
}
