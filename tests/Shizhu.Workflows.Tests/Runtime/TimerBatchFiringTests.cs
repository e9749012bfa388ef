using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// The sweep fires due timers in batches, one transaction each (ADR 0041): eight municipal workflows of 2022, each with
/// its two publicity tasks due at the end of January, give sixteen timers due at one moment.
/// </summary>
public abstract class TimerBatchFiringTests(EngineDatabase database) : IAsyncLifetime
{
    protected static readonly DateTimeOffset AfterJanuary = new(2022, 2, 1, 1, 0, 0, TimeSpan.Zero);

    protected EngineHarness Harness { get; private set; } = null!;
    protected List<WorkflowInstance> Workflows { get; } = [];

    public async Task InitializeAsync()
    {
        Harness = await EngineHarness.CreateAsync(database);
        foreach (var code in TownshipCodes.ForTests.Take(8))
            Workflows.Add(await Harness.StartAsync(code));
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>Pending timers due by now, of one kind: the deadlines (<see cref="TimerKind.TaskDue"/>) unless told otherwise.</summary>
    protected async Task<int> DueTimersAsync(TimerKind kind = TimerKind.TaskDue)
    {
        await using var db = Harness.NewDbContext();
        var now = Harness.Clock.GetUtcNow();
        return await db.Timers.CountAsync(t => t.Kind == kind && t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now);
    }

    protected Task<int> SweepAsync(int batchSize) =>
        Harness.InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(CancellationToken.None, batchSize));

    /// <summary>
    /// Each deadline fired once: its task overdue, one red alert, one journal row and one event per deadline, nothing else;
    /// and the escalation chain's first step (to the township leader, at the due time, ADR 0037) fired once per task too.
    /// </summary>
    protected async Task AssertFiredOnceEachAsync(int expected)
    {
        await using var db = Harness.NewDbContext();
        var ids = Workflows.Select(w => w.Id).ToList();
        var fired = await db.Timers.Where(t => ids.Contains(t.WorkflowId) && t.FiredAt != null && t.Kind == TimerKind.TaskDue).ToListAsync();
        Assert.Equal(expected, fired.Count);
        Assert.All(fired, t => Assert.Null(t.CancelledAt));
        var alerts = (await Harness.AlertsAsync()).Where(a => a.Kind == AlertKind.Overdue).ToList();
        Assert.Equal(expected, alerts.Count);
        Assert.Equal(expected, alerts.Select(a => a.TaskId).Distinct().Count());
        Assert.Equal(fired.Select(t => t.TaskId!.Value).Order(), alerts.Select(a => a.TaskId).Order());
        var overdue = await Harness.EventsAsync<TaskOverdue>();
        Assert.Equal(alerts.Select(a => a.Id).Order(), overdue.Select(e => e.AlertId).Order());
        var journal = await db.Journal.CountAsync(j => j.Kind == JournalKind.TaskOverdue);
        Assert.Equal(expected, journal);
        Assert.Equal(expected, await db.Tasks.CountAsync(t => ids.Contains(t.WorkflowId) && t.Overdue));
        var escalated = (await Harness.AlertsAsync()).Where(a => a.Kind == AlertKind.EscalatedToTownship).ToList();
        Assert.Equal(fired.Select(t => t.TaskId!.Value).Order(), escalated.Select(a => a.TaskId).Order());
    }

    [Fact]
    public async Task SixteenDueTimersFireInBatchesOfThreeEachExactlyOnceWithOneAlertOneJournalRowAndOneEvent()
    {
        Harness.Clock.SetUtcNow(AfterJanuary);
        Assert.Equal(16, await DueTimersAsync());
        // Each task's yellow warning (ADR 0037) is due too, but woken after the due time it has nothing to warn of.
        Assert.Equal(16, await DueTimersAsync(TimerKind.TaskWarning));

        // Sixteen deadlines, each firing its chain's first escalation step with it (ADR 0050).
        Assert.Equal(16, await SweepAsync(batchSize: 3));

        await AssertFiredOnceEachAsync(16);
        Assert.Equal(0, await DueTimersAsync());
        Assert.Equal(0, await DueTimersAsync(TimerKind.TaskWarning));
        Assert.Equal(0, await SweepAsync(batchSize: 3));
        await AssertFiredOnceEachAsync(16);
    }

    [Fact]
    public async Task ABatchSkipsTimersOfASuspendedWorkflowAndLeavesThemPending()
    {
        var suspended = Workflows[0];
        await Harness.SuspendAsync(suspended.Id);
        Harness.Clock.SetUtcNow(AfterJanuary);

        Assert.Equal(14, await SweepAsync(batchSize: 5));

        Assert.Equal(2, (await Harness.TimersAsync(suspended.Id)).Count(t => t.Kind == TimerKind.TaskDue && t.FiredAt == null && t.CancelledAt == null));
        Assert.DoesNotContain(await Harness.AlertsAsync(), a => a.WorkflowId == suspended.Id);
    }

    [Fact]
    public async Task AWakeUpForATimerTheSweepAlreadyFiredDoesNothing()
    {
        Harness.Clock.SetUtcNow(AfterJanuary);
        var timer = (await Harness.TimersAsync(Workflows[3].Id)).First(t => t.Kind == TimerKind.TaskDue);

        Assert.Equal(16, await SweepAsync(batchSize: 4));

        Assert.False(await Harness.FireAsync(timer.Id));
        await AssertFiredOnceEachAsync(16);
    }
}

[Trait("Category", "Unit")]
public sealed class TimerBatchFiringTestsOnSqlite() : TimerBatchFiringTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TimerBatchFiringTestsOnPostgres() : TimerBatchFiringTests(EngineDatabase.Postgres)
{
    /// <summary>
    /// Two sweepers at once (two replicas' sweeps, or a sweep beside Hangfire's wake-ups) take disjoint batches with
    /// SKIP LOCKED: between them every timer fires, none twice, and neither waits for the other's rows.
    /// </summary>
    [Fact]
    public async Task TwoSweepersAndEveryTimersOwnWakeUpRunningAtOnceFireEachTimerExactlyOnce()
    {
        Harness.Clock.SetUtcNow(AfterJanuary);
        var timers = new List<WorkflowTimer>();
        foreach (var workflow in Workflows) timers.AddRange(await Harness.TimersAsync(workflow.Id));

        var sweeps = new[] { SweepAsync(batchSize: 2), SweepAsync(batchSize: 3) };
        var wakeUps = timers.Select(t => Harness.FireAsync(t.Id)).ToList();
        var fired = (await Task.WhenAll(sweeps)).Sum() + (await Task.WhenAll(wakeUps)).Count(f => f);

        // The sixteen deadlines; each first escalation step fires inside its deadline's firing (ADR 0050).
        Assert.Equal(16, fired);
        await AssertFiredOnceEachAsync(16);
    }
}
