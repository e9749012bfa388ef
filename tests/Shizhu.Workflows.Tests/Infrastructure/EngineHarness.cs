using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// The engine as the Host wires it (<see cref="EngineServiceCollectionExtensions.AddWorkflowEngine"/>), on a
/// private database of the given <see cref="EngineDatabase"/> (SQLite in memory or real PostgreSQL) that lives as
/// long as the harness: migrated, then seeded with the county's reference data. The clock is a
/// <see cref="FakeTimeProvider"/>; Hangfire and the relay are replaced by recorders. Each command or query runs
/// in its own DI scope, as one HTTP request would.
/// </summary>
public sealed partial class EngineHarness : IAsyncDisposable
{
    /// <summary>Wednesday 5 January 2022, 09:00 in China: the municipal creations of 2022 start in January.</summary>
    public static readonly DateTimeOffset January2022 = new(2022, 1, 5, 1, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    private readonly HarnessDatabase _database;
    private readonly ServiceProvider _services;

    private EngineHarness(HarnessDatabase database, RivalCommand rival, DateTimeOffset now, Action<IServiceCollection>? configure)
    {
        _database = database;
        Rival = rival;
        Clock = new UtcFakeTimeProvider(now);
        Scheduler = new RecordingTimerScheduler(id => Read(db => db.Timers.Any(t => t.Id == id)));
        OutboxSignal = new RecordingOutboxSignal(() => Read(db => db.Outbox.Count()));

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITimerScheduler>(Scheduler);
        services.AddSingleton<IOutboxSignal>(OutboxSignal);
        services.AddSingleton<IEvidenceStore>(EvidenceStore);
        database.AddTo(services);
        services.AddSingleton<IWorkflowWriteHook>(rival);
        services.AddWorkflowEngine();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; }
    public RivalCommand Rival { get; }
    public RecordingTimerScheduler Scheduler { get; }
    public RecordingOutboxSignal OutboxSignal { get; }
    public InMemoryEvidenceStore EvidenceStore { get; } = new();

    /// <summary>
    /// A migrated and seeded engine on <paramref name="database"/> whose clock reads <paramref name="now"/> (default
    /// <see cref="January2022"/>); <paramref name="configure"/> may add services beside the engine's (a test-only
    /// service-task action).
    /// </summary>
    public static async Task<EngineHarness> CreateAsync(EngineDatabase database, DateTimeOffset? now = null,
        Action<IServiceCollection>? configure = null)
    {
        var rival = new RivalCommand();
        return new EngineHarness(await database.CreateAsync([]), rival, now ?? January2022, configure);
    }

    /// <summary>A fresh context on the harness's database, for arranging and asserting outside the engine.</summary>
    public WorkflowDbContext NewDbContext() => _database.NewDbContext();

    /// <summary>A DI scope of the engine, as one HTTP request has, for a test that inspects what a service left in it.</summary>
    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    // ---- commands ------------------------------------------------------------------------------

    /// <summary>Starts a workflow as the API does and answers it as stored (the command answers a summary).</summary>
    public async Task<WorkflowInstance> StartAsync(string? townshipCode, string? track = Tracks.Municipal, int? startYear = 2022,
        int? targetYear = null, Actor? actor = null, string? idempotencyKey = null)
    {
        var started = await StartCommandAsync(new StartWorkflow(townshipCode, track, startYear, targetYear), actor, idempotencyKey);
        return await WorkflowAsync(started.Id);
    }

    public Task<WorkflowSummary> StartCommandAsync(StartWorkflow command, Actor? actor = null, string? idempotencyKey = null) =>
        InScopeAsync<WorkflowStarter, WorkflowSummary>(s => s.StartAsync(command, actor ?? TestActors.CountyAdmin, idempotencyKey, CancellationToken.None));

    public Task<TaskView> CompleteAsync(Guid taskId, Actor actor, CompleteTask? command = null, string? idempotencyKey = null) =>
        InScopeAsync<TaskCompleter, TaskView>(c =>
            c.CompleteAsync(taskId, command ?? new CompleteTask(null, null, null), actor, idempotencyKey, CancellationToken.None));

    /// <summary>Completes the open task <paramref name="taskKey"/> of the workflow's current stage, as someone allowed to, with its required evidence and first outcome.</summary>
    public async Task<TaskView> CompleteAsync(Guid workflowId, string taskKey)
    {
        var task = await OpenTaskAsync(workflowId, taskKey);
        return await this.CompleteAsDecidedAsync(task);
    }

    /// <summary>Completes every open task of the workflow (required evidence uploaded first), round after round, until its current stage is left.</summary>
    public async Task CompleteCurrentStageAsync(Guid workflowId)
    {
        var stage = (await WorkflowAsync(workflowId)).CurrentStageKey;
        while (true)
        {
            var workflow = await WorkflowAsync(workflowId);
            if (workflow.CurrentStageKey != stage) return;
            var open = (await TasksAsync(workflowId)).Where(t => t.Status == UserTaskStatus.Open).ToList();
            Assert.NotEmpty(open);
            foreach (var task in open) await this.CompleteAsDecidedAsync(task);
        }
    }

    public Task<int> FireDueAsync() => InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(CancellationToken.None));

    public Task<bool> FireAsync(Guid timerId) => InScopeAsync<TimerFiring, bool>(f => f.FireAsync(timerId, CancellationToken.None));

    public Task<T> QueryAsync<T>(Func<WorkflowQueries, Task<T>> query) => InScopeAsync(query);

    public Task<WorkingCalendar> CalendarAsync() =>
        InScopeAsync<WorkflowDbContext, WorkingCalendar>(db =>
            _services.GetRequiredService<WorkingCalendarProvider>().GetAsync(db, CancellationToken.None));

    /// <summary>Adds a template version beside the built-in ones (version 1).</summary>
    public async Task AddTemplateAsync(TemplateDefinition definition, int version, TemplateStatus status)
    {
        await using var db = NewDbContext();
        db.Templates.Add(new TemplateVersion
        {
            Key = definition.Key, Version = version, Name = definition.Name, Track = definition.Track,
            Definition = JsonSerializer.Serialize(definition, TemplateCatalog.Json), Status = status,
            CreatedAt = Clock.GetUtcNow(), PublishedAt = status == TemplateStatus.Published ? Clock.GetUtcNow() : null,
        });
        await db.SaveChangesAsync();
    }

    // ---- reading the database directly ----------------------------------------------------------

    public T Read<T>(Func<WorkflowDbContext, T> read)
    {
        using var db = NewDbContext();
        return read(db);
    }

    public async Task<WorkflowInstance> WorkflowAsync(Guid id)
    {
        await using var db = NewDbContext();
        return await db.Workflows.AsNoTracking().Include(w => w.Stages).SingleAsync(w => w.Id == id);
    }

    public async Task<List<WorkflowStage>> StagesAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        return await db.Stages.AsNoTracking().Where(s => s.WorkflowId == workflowId).OrderBy(s => s.Order).ToListAsync();
    }

    public async Task<List<WorkflowTask>> TasksAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
        return [.. tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)];
    }

    public async Task<WorkflowTask> OpenTaskAsync(Guid workflowId, string taskKey) =>
        Assert.Single(await TasksAsync(workflowId), t => t.ElementId == taskKey && t.Status == UserTaskStatus.Open);

    public async Task<WorkflowTask> TaskAsync(Guid taskId)
    {
        await using var db = NewDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
    }

    public async Task<List<WorkflowTimer>> TimersAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        return await db.Timers.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = NewDbContext();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The outbox rows of type <typeparamref name="TEvent"/>, read back into the event the relay would publish.</summary>
    public async Task<List<TEvent>> EventsAsync<TEvent>()
    {
        var rows = await OutboxAsync();
        return [.. rows.Where(m => m.Type == typeof(TEvent).Name).Select(Deserialize<TEvent>)];
    }

    public static TEvent Deserialize<TEvent>(OutboxMessage message)
    {
        Assert.Equal(typeof(TEvent), EventTypes.ByName[message.Type]);
        var @event = JsonSerializer.Deserialize<TEvent>(message.Payload, EventJson);
        Assert.NotNull(@event);
        return @event;
    }

    public async Task<List<JournalEntry>> JournalAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        return await db.Journal.AsNoTracking().Where(j => j.WorkflowId == workflowId).OrderBy(j => j.Id).ToListAsync();
    }

    public async Task<List<TaskAlert>> AlertsAsync()
    {
        await using var db = NewDbContext();
        return await db.Alerts.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
