using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>石家乡's municipal workflow of 2022: its two open publicity tasks are due at the end of January in China.</summary>
public abstract class TimerFiringTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset DueAt = new(2022, 1, 31, 15, 59, 59, TimeSpan.Zero);

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _leadingGroup = null!;
    private WorkflowTask _workPlan = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _leadingGroup = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        _workPlan = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<WorkflowTimer> TimerOfAsync(WorkflowTask task) =>
        Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == task.Id && t.Kind == TimerKind.TaskDue);

    private void SetClock(DateTimeOffset now) => _harness.Clock.SetUtcNow(now);

    [Fact]
    public async Task AnOpenTaskPastItsDueTimeBecomesOverdueWithOneAlertAndOneEvent()
    {
        await _harness.CompleteWithEvidenceAsync(_workPlan.Id, TestActors.ShijiaStaff);
        SetClock(DueAt.AddSeconds(1));
        var signalsBefore = _harness.OutboxSignal.Count;

        var fired = await _harness.FireDueAsync();

        // The due timer; its firing starts the escalation chain and fires its first step with it (EscalationChainTests, ADR 0050).
        Assert.Equal(1, fired);
        Assert.True((await _harness.TaskAsync(_leadingGroup.Id)).Overdue);
        Assert.Equal(DueAt.AddSeconds(1), (await TimerOfAsync(_leadingGroup)).FiredAt);
        var alert = Assert.Single(await _harness.AlertsAsync(), a => a.Kind != AlertKind.EscalatedToTownship);
        Assert.Equal((_leadingGroup.Id, _workflow.Id, TownshipCodes.Shijia, AlertKind.Overdue, DueAt.AddSeconds(1)),
            (alert.TaskId, alert.WorkflowId, alert.TownshipCode, alert.Kind, alert.RaisedAt));
        var overdue = Assert.Single(await _harness.EventsAsync<TaskOverdue>());
        Assert.Equal((_leadingGroup.Id, alert.Id, DueAt, "石家乡", _leadingGroup.Role),
            (overdue.TaskId, overdue.AlertId, overdue.DueAt, overdue.TownshipName, overdue.Role));
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskOverdue && j.Actor == "system");
        // Both in one transaction (ADR 0041, ADR 0050): one commit, one wake-up of the outbox relay.
        Assert.Equal(signalsBefore + 1, _harness.OutboxSignal.Count);
    }

    [Fact]
    public async Task FiringTheSameTimerAgainDoesNothing()
    {
        SetClock(DueAt.AddHours(1));
        // Each task's due timer (each firing the first step of its escalation chain with it, ADR 0050).
        Assert.Equal(2, await _harness.FireDueAsync());
        var timer = await TimerOfAsync(_leadingGroup);
        var outboxAfterFirst = (await _harness.OutboxAsync()).Count;
        var signalsAfterFirst = _harness.OutboxSignal.Count;
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.False(await _harness.FireAsync(timer.Id));

        Assert.Equal(4, (await _harness.AlertsAsync()).Count);
        Assert.Equal(2, (await _harness.EventsAsync<TaskOverdue>()).Count);
        Assert.Equal(outboxAfterFirst, (await _harness.OutboxAsync()).Count);
        Assert.Equal(signalsAfterFirst, _harness.OutboxSignal.Count);
        Assert.Equal(DueAt.AddHours(1), (await TimerOfAsync(_leadingGroup)).FiredAt);
    }

    [Fact]
    public async Task ATimerWhoseTaskWasCompletedBeforeItFellDueIsCancelledAndDoesNothing()
    {
        await _harness.CompleteWithEvidenceAsync(_leadingGroup.Id, TestActors.ShijiaStaff);
        var timer = await TimerOfAsync(_leadingGroup);
        Assert.Equal(EngineHarness.January2022, timer.CancelledAt);
        SetClock(DueAt.AddDays(1));

        Assert.False(await _harness.FireAsync(timer.Id));

        Assert.Null((await TimerOfAsync(_leadingGroup)).FiredAt);
        Assert.False((await _harness.TaskAsync(_leadingGroup.Id)).Overdue);
        Assert.DoesNotContain(await _harness.AlertsAsync(), a => a.TaskId == _leadingGroup.Id);
        Assert.DoesNotContain(await _harness.EventsAsync<TaskOverdue>(), e => e.TaskId == _leadingGroup.Id);
        // The sweep still fires the other task's due time (which fires its first escalation step with it), and only that.
        Assert.Equal(1, await _harness.FireDueAsync());
        Assert.All(await _harness.AlertsAsync(), a => Assert.Equal(_workPlan.Id, a.TaskId));
    }

    [Fact]
    public async Task ATimerNotYetDueDoesNotFireAndFiresOnceItsDueTimeIsReached()
    {
        var timer = await TimerOfAsync(_leadingGroup);
        SetClock(DueAt.AddSeconds(-1));

        // What fires now are the two tasks' yellow warnings (ADR 0037), not their due timers.
        Assert.Equal(2, await _harness.FireDueAsync());
        Assert.False(await _harness.FireAsync(timer.Id));
        Assert.False((await _harness.TaskAsync(_leadingGroup.Id)).Overdue);
        // Only the yellow warnings (ADR 0037) have been raised by now; no red one.
        Assert.All(await _harness.AlertsAsync(), a => Assert.Equal(AlertKind.DueSoon, a.Kind));
        Assert.Null((await TimerOfAsync(_leadingGroup)).FiredAt);

        _harness.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await _harness.FireAsync(timer.Id));
        Assert.True((await _harness.TaskAsync(_leadingGroup.Id)).Overdue);
    }

    [Fact]
    public async Task AnUnknownTimerDoesNothing()
    {
        SetClock(DueAt.AddDays(1));

        Assert.False(await _harness.FireAsync(Guid.NewGuid()));
        Assert.Empty(await _harness.AlertsAsync());
    }

    [Fact]
    public async Task AnOverdueTaskCanStillBeCompletedAndStaysMarkedOverdue()
    {
        SetClock(DueAt.AddDays(2));
        await _harness.FireDueAsync();

        await _harness.CompleteWithEvidenceAsync(_leadingGroup.Id, TestActors.ShijiaStaff);

        var task = await _harness.TaskAsync(_leadingGroup.Id);
        Assert.Equal((UserTaskStatus.Completed, true), (task.Status, task.Overdue));
    }

    [Fact]
    public async Task OverdueAlertsAreVisibleOnlyToTheirOwnTownshipAndTheCounty()
    {
        SetClock(DueAt.AddDays(1));
        await _harness.FireDueAsync();

        var own = await _harness.QueryAsync(q => q.AlertsAsync(TestActors.ShijiaStaff, null, CancellationToken.None));
        var other = await _harness.QueryAsync(q => q.AlertsAsync(TestActors.JinlingStaff, TownshipCodes.Shijia, CancellationToken.None));
        var county = await _harness.QueryAsync(q => q.AlertsAsync(TestActors.CountyLeader, TownshipCodes.Shijia, CancellationToken.None));

        // Each task's red warning and the first step of its escalation chain.
        Assert.Equal(4, own.Count);
        Assert.Empty(other);
        Assert.Equal(4, county.Count);
    }
}

[Trait("Category", "Unit")]
public sealed class TimerFiringTestsOnSqlite() : TimerFiringTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TimerFiringTestsOnPostgres() : TimerFiringTests(EngineDatabase.Postgres);
