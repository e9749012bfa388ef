using System.Diagnostics;
using System.Text.Json;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Collects what one command writes besides the rows it changes in place: tokens that enter or leave the workflow (through
/// the <see cref="IWorkflowStore"/>, which knows how its reads are tracked), incidents, journal rows, outbox events and
/// new timers. All of it goes into the same unit of work, so the store's single write commits state, journal and outbox together.
/// </summary>
internal sealed class EngineChanges(WorkflowDbContext db, IWorkflowStore store, DateTimeOffset now, string actor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<WorkflowTimer> _timersToSchedule = [];
    private readonly List<JournalRecord> _journal = [];

    // Millisecond precision: what SQLite and PostgreSQL store then reads back identically, so a replayed
    // (idempotent) answer equals the first one.
    public DateTimeOffset Now { get; } = new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    public string Actor { get; } = actor;
    /// <summary>Timers the scheduler must wake after the commit: new ones, and pending ones woken again (resume).</summary>
    public IReadOnlyList<WorkflowTimer> TimersToSchedule => _timersToSchedule;
    public bool RaisedEvents { get; private set; }

    public Guid NewId() => Guid.CreateVersion7(Now);

    /// <summary>Adds a journal row; the caller fills in the state it changes (<see cref="JournalRecord.Before"/>, <see cref="JournalRecord.After"/>).</summary>
    public JournalRecord Journal(Guid workflowId, JournalKind kind, string detail)
    {
        var entry = new JournalEntry { WorkflowId = workflowId, At = Now, Actor = Actor, Kind = kind, Detail = JournalText.Clip(detail, JournalText.MaxDetail) };
        db.Journal.Add(entry);
        var record = new JournalRecord(entry);
        _journal.Add(record);
        return record;
    }

    /// <summary>Serializes each journal row's change into its column; called once, right before the commit.</summary>
    public void SealJournal() => _journal.ForEach(r => r.Seal());

    /// <summary>Writes an event to the outbox; <paramref name="create"/> receives the event's new id.</summary>
    public void Raise<TEvent>(Func<Guid, TEvent> create) where TEvent : notnull
    {
        var eventId = NewId();
        var @event = create(eventId);
        db.Outbox.Add(new OutboxMessage
        {
            EventId = eventId,
            Type = typeof(TEvent).Name,
            Payload = JsonSerializer.Serialize(@event, Json),
            OccurredAt = Now,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
        });
        RaisedEvents = true;
    }

    /// <summary>
    /// Adds a new task to the unit of work explicitly: a task found only through a navigation would carry a
    /// key already, and EF Core would take it for an existing row to update.
    /// </summary>
    public void AddTask(WorkflowTask task) => db.Tasks.Add(task);

    public void AddToken(WorkflowInstance workflow, WorkflowToken token) => store.AddToken(workflow, token);

    /// <summary>Takes a token that left the process out of the workflow: the write deletes it.</summary>
    public void RemoveToken(WorkflowInstance workflow, WorkflowToken token) => store.RemoveToken(workflow, token);

    public void AddIncident(Incident incident) => db.Incidents.Add(incident);

    /// <summary>A row a service-task action records (<see cref="ServiceTasks.ServiceTaskContext.AddRow{TRow}"/>), written with the rest.</summary>
    public void AddRow(object row) => db.Add(row);

    public void AddTimer(WorkflowTimer timer)
    {
        db.Timers.Add(timer);
        _timersToSchedule.Add(timer);
    }

    /// <summary>Asks the scheduler, after the commit, to wake an existing pending timer again.</summary>
    public void WakeTimer(WorkflowTimer timer) => _timersToSchedule.Add(timer);
}
