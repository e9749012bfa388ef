using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// Two commands on the same state, the rival committing between the first one's reads and its save
/// (<see cref="RivalCommand"/>, on both databases): the engine's concurrency tokens and unique indexes must let
/// exactly one of them take effect.
/// </summary>
public abstract class RacingCommandsTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TwoFiringsOfTheSameTimerRacingRaiseOneAlertAndOneEvent()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var timer = (await _harness.TimersAsync(workflow.Id)).First(t => t.Kind == TimerKind.TaskDue);
        _harness.Clock.Advance(TimeSpan.FromDays(30));
        var rivalFired = false;
        _harness.Rival.BeforeNextSave(async () => rivalFired = await _harness.FireAsync(timer.Id));

        var fired = await _harness.FireAsync(timer.Id);

        // Exactly one of the two fires. On SQLite the rival commits first and the other loses the race; on PostgreSQL the
        // first firing holds the timer's row locked (ADR 0041), so the rival skips it and the first one commits.
        Assert.True(rivalFired ^ fired);
        // One red alert, and one first escalation step started by the one firing that committed (ADR 0050).
        var alerts = await _harness.AlertsAsync();
        Assert.Equal([AlertKind.Overdue, AlertKind.EscalatedToTownship], alerts.Select(a => a.Kind).Order());
        Assert.Single(await _harness.EventsAsync<TaskOverdue>());
    }

    [Fact]
    public async Task TwoUsersCompletingTheSameTaskAtOnceLeaveOneCompletionAndTheOtherAConflict()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var task = await _harness.OpenTaskAsync(workflow.Id, "leading-group");
        var colleague = new Actor("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia);
        await _harness.UploadRequiredEvidenceAsync(task.Id, colleague);
        _harness.Rival.BeforeNextSave(() => _harness.CompleteAsync(task.Id, colleague));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal("staff-2", (await _harness.TaskAsync(task.Id)).CompletedBy);
        Assert.Single(await _harness.EventsAsync<TaskCompleted>());
    }

    [Fact]
    public async Task TwoRequestsWithTheSameIdempotencyKeyRacingBothAnswerTheOneCompletion()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var task = await _harness.OpenTaskAsync(workflow.Id, "leading-group");
        TaskView? rival = null;
        await _harness.UploadRequiredEvidenceAsync(task.Id, TestActors.ShijiaStaff);
        _harness.Rival.BeforeNextSave(async () => rival = await _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, idempotencyKey: "req-7"));

        var answer = await _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, idempotencyKey: "req-7");

        Assert.NotNull(rival);
        Assert.Equal((rival.Id, UserTaskStatus.Completed, rival.CompletedAt), (answer.Id, answer.Status, answer.CompletedAt));
        Assert.Single(await _harness.EventsAsync<TaskCompleted>());
    }

    [Fact]
    public async Task TwoStartsRacingForTheSameTownshipAndTrackLeaveOneRunningWorkflow()
    {
        WorkflowInstance? rival = null;
        _harness.Rival.BeforeNextSave(async () => rival = await _harness.StartAsync(TownshipCodes.Shijia));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.StartAsync(TownshipCodes.Shijia));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.NotNull(rival);
        Assert.Equal(rival.Id, Assert.Single(_harness.Read(db => db.Workflows.ToList())).Id);
        Assert.Single(await _harness.EventsAsync<WorkflowStarted>());
        // The winner's two tasks, each with its due timer and its yellow warning timer (ADR 0037); the escalation steps come
        // only when a deadline passes (ADR 0050).
        Assert.Equal(4, _harness.Scheduler.Scheduled.Count);
    }
}

[Trait("Category", "Unit")]
public sealed class RacingCommandsTestsOnSqlite() : RacingCommandsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class RacingCommandsTestsOnPostgres() : RacingCommandsTests(EngineDatabase.Postgres);
