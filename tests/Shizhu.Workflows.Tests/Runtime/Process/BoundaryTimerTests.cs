using Shizhu.Workflows.Supervision;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>
/// <see cref="ProcessTemplates.BoundaryTimers"/>, started Wednesday 5 January 2022: task a is due on the 15th,
/// escalates (non-interrupting) at the end of the 7th and times out (interrupting, to escalated) at the end of the 10th.
/// </summary>
public abstract class BoundaryTimerTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset EscalationAt = ChinaTime.EndOfDay(new DateOnly(2022, 1, 7));
    private static readonly DateTimeOffset TimeoutAt = ChinaTime.EndOfDay(new DateOnly(2022, 1, 10));

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _task = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartOnAsync(ProcessTemplates.BoundaryTimers());
        _task = await _harness.OpenTaskAsync(_workflow.Id, "a");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task OpeningATaskSetsOneTimerPerBoundaryBesideItsDueTimer()
    {
        // Beside them the yellow warning and escalation timers (ADR 0037), which SupervisionTests and EscalationChainTests cover.
        var timers = (await _harness.TimersAsync(_workflow.Id)).Where(t => t.Kind != TimerKind.TaskWarning && !EscalationChain.IsEscalation(t.Kind)).ToList();

        Assert.Equal(
            [
                (TimerKind.Boundary, "a-escalation", EscalationAt),
                (TimerKind.Boundary, "a-timeout", TimeoutAt),
                (TimerKind.TaskDue, "a", ChinaTime.EndOfDay(new DateOnly(2022, 1, 15))),
            ],
            timers.OrderBy(t => t.DueAt).Select(t => (t.Kind, t.ElementId!, t.DueAt)));
        Assert.All(timers, t => Assert.Equal((_task.Id, _task.TokenId), (t.TaskId, t.TokenId)));
    }

    [Fact]
    public async Task ANonInterruptingBoundaryTimerRaisesOneAlertOfItsKindAndLeavesTheTaskOpen()
    {
        _harness.Clock.SetUtcNow(EscalationAt.AddSeconds(-1));
        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.Empty(await _harness.AlertsAsync());

        _harness.Clock.SetUtcNow(EscalationAt);
        Assert.Equal(1, await _harness.FireDueAsync());
        Assert.Equal(0, await _harness.FireDueAsync());

        var alert = Assert.Single(await _harness.AlertsAsync());
        Assert.Equal((_task.Id, AlertKind.Escalation, EscalationAt), (alert.TaskId, alert.Kind, alert.RaisedAt));
        var escalated = Assert.Single(await _harness.EventsAsync<TaskAlertRaised>());
        Assert.Equal((_task.Id, alert.Id, AlertKind.Escalation, "work"), (escalated.TaskId, escalated.AlertId, escalated.Kind, escalated.StageKey));
        var task = await _harness.TaskAsync(_task.Id);
        Assert.Equal((UserTaskStatus.Open, false), (task.Status, task.Overdue));
        Assert.Equal("a", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskAlertRaised);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);

        // The task can still be completed, and that cancels the timeout.
        await _harness.CompleteAsync(_task.Id, TestActors.CountyAdmin);
        Assert.NotNull(Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.ElementId == "a-timeout").CancelledAt);
        await _harness.OpenTaskAsync(_workflow.Id, "after");
    }

    [Fact]
    public async Task AnInterruptingBoundaryTimerCancelsTheTaskAndContinuesAtItsTarget()
    {
        _harness.Clock.SetUtcNow(TimeoutAt);

        Assert.Equal(2, await _harness.FireDueAsync());

        var task = await _harness.TaskAsync(_task.Id);
        Assert.Equal(UserTaskStatus.Cancelled, task.Status);
        var escalated = await _harness.OpenTaskAsync(_workflow.Id, "escalated");
        Assert.Equal(TimeoutAt, escalated.CreatedAt);
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "after");
        var token = Assert.Single(await _harness.TokensAsync(_workflow.Id));
        Assert.Equal(("escalated", _task.TokenId), (token.ElementId, (Guid?)token.Id));
        var due = Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == _task.Id && t.Kind == TimerKind.TaskDue);
        Assert.Equal(TimeoutAt, due.CancelledAt);
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskTimedOut);
        // Only the non-interrupting escalation raised an alert; the timeout moved the token instead.
        Assert.Equal([AlertKind.Escalation], (await _harness.AlertsAsync()).Select(a => a.Kind));
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(_task.Id, TestActors.CountyAdmin));
        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);

        await _harness.CompleteAsync(escalated.Id, TestActors.CountyAdmin);
        Assert.Equal(WorkflowStatus.Completed, (await _harness.WorkflowAsync(_workflow.Id)).Status);
    }

    [Fact]
    public async Task ASecondReminderOfTheSameKindIsRaisedAgainOnTheTasksAlertAndBlocksNoOtherTimer()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.RepeatedReminders(), townshipCode: TownshipCodes.Jinling);
        var task = await _harness.OpenTaskAsync(workflow.Id, "a");
        var timers = (await _harness.TimersAsync(workflow.Id)).Where(t => t.Kind == TimerKind.Boundary).OrderBy(t => t.DueAt).ToList();
        _harness.Clock.SetUtcNow(timers[0].DueAt);
        Assert.True(await _harness.FireAsync(timers[0].Id));

        // The second reminder finds the first one's alert (one per task and kind): it fires all the same, and the sweep goes on past it.
        _harness.Clock.SetUtcNow(TimeoutAt);
        await _harness.FireDueAsync();

        var alert = Assert.Single(await _harness.AlertsAsync(), a => a.TaskId == task.Id);
        Assert.Equal(AlertKind.Reminder, alert.Kind);
        var reminders = (await _harness.EventsAsync<TaskAlertRaised>()).Where(e => e.TaskId == task.Id).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, e => Assert.Equal((alert.Id, AlertKind.Reminder), (e.AlertId, e.Kind)));
        Assert.All((await _harness.TimersAsync(workflow.Id)).Where(t => t.Kind == TimerKind.Boundary), t => Assert.NotNull(t.FiredAt));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }
}

[Trait("Category", "Unit")]
public sealed class BoundaryTimerTestsOnSqlite() : BoundaryTimerTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class BoundaryTimerTestsOnPostgres() : BoundaryTimerTests(EngineDatabase.Postgres);
