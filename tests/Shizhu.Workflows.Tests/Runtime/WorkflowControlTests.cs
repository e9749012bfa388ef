using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>Cancel, suspend and resume 石家乡's municipal workflow of 2022 (two open tasks, due end of January in China).</summary>
public abstract class WorkflowControlTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset DueAt = new(2022, 1, 31, 15, 59, 59, TimeSpan.Zero);

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<WorkflowException> RefusedAsync(Func<Task> command) => await Assert.ThrowsAsync<WorkflowException>(command);

    [Fact]
    public async Task CancellingCancelsTheOpenTasksAndThePendingTimersAndRaisesWorkflowCancelled()
    {
        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        var cancelled = await _harness.CancelAsync(_workflow.Id, reason: "乡镇合并，暂不创建");

        var now = _harness.Clock.GetUtcNow();
        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await _harness.WorkflowAsync(_workflow.Id)).Status);
        var tasks = await _harness.TasksAsync(_workflow.Id);
        Assert.Equal([UserTaskStatus.Completed, UserTaskStatus.Cancelled], tasks.Select(t => t.Status).Order());
        Assert.All(await _harness.TimersAsync(_workflow.Id), t => Assert.NotNull(t.CancelledAt));
        Assert.Contains(await _harness.TimersAsync(_workflow.Id), t => t.CancelledAt == now);
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowCancelled);
        Assert.Equal((TestActors.CountyAdmin.UserName, "取消创建工作流（取消未办结任务 1 项）；原因：乡镇合并，暂不创建"), (journal.Actor, journal.Detail));
        var @event = Assert.Single(await _harness.EventsAsync<WorkflowCancelled>());
        Assert.Equal((_workflow.Id, "乡镇合并，暂不创建", TestActors.CountyAdmin.UserName), (@event.WorkflowId, @event.Reason, @event.Actor));

        // Its deadlines never fire, and its township may start afresh.
        _harness.Clock.SetUtcNow(DueAt.AddDays(1));
        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.Empty(await _harness.AlertsAsync());
        Assert.NotEqual(_workflow.Id, (await _harness.StartAsync(TownshipCodes.Shijia)).Id);
    }

    [Fact]
    public async Task AFinishedWorkflowCannotBeCancelledAgainAndOnlyTheCountyOfficeControlsWorkflows()
    {
        await _harness.CancelAsync(_workflow.Id);

        var again = await RefusedAsync(() => _harness.CancelAsync(_workflow.Id));
        var staff = await RefusedAsync(() => _harness.SuspendAsync(_workflow.Id, TestActors.ShijiaStaff));
        var leader = await RefusedAsync(() => _harness.CancelAsync(_workflow.Id, TestActors.ShijiaLeader));
        var unknown = await RefusedAsync(() => _harness.SuspendAsync(Guid.NewGuid()));

        Assert.Equal([WorkflowErrorKind.Conflict, WorkflowErrorKind.Forbidden, WorkflowErrorKind.Forbidden, WorkflowErrorKind.NotFound],
            [again.Kind, staff.Kind, leader.Kind, unknown.Kind]);
        Assert.Single(await _harness.EventsAsync<WorkflowCancelled>());
    }

    [Fact]
    public async Task ASuspendedWorkflowRefusesTaskChangesAndStillHoldsItsTownshipAndTrack()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");

        var suspended = await _harness.SuspendAsync(_workflow.Id, reason: "等待县里统一部署");

        Assert.Equal(WorkflowStatus.Suspended, suspended.Status);
        var complete = await RefusedAsync(() => _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff));
        var claim = await RefusedAsync(() => _harness.ClaimAsync(task.Id, TestActors.ShijiaStaff));
        var upload = await RefusedAsync(() => _harness.UploadAsync(task.Id, SampleFiles.Pdf));
        var start = await RefusedAsync(() => _harness.StartAsync(TownshipCodes.Shijia));
        Assert.Equal((WorkflowErrorKind.Conflict, "该创建工作流已暂停，恢复后才能办理任务。"), (complete.Kind, complete.Message));
        Assert.All([claim, upload, start], e => Assert.Equal(WorkflowErrorKind.Conflict, e.Kind));
        Assert.Empty(_harness.EvidenceStore.Files);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowSuspended && j.Detail == "暂停创建工作流；原因：等待县里统一部署");
        Assert.Equal("等待县里统一部署", Assert.Single(await _harness.EventsAsync<WorkflowSuspended>()).Reason);
    }

    [Fact]
    public async Task ADueTimerOfASuspendedWorkflowStaysPendingAndFiresAfterTheWorkflowIsResumed()
    {
        await _harness.SuspendAsync(_workflow.Id);
        _harness.Clock.SetUtcNow(DueAt.AddDays(3));
        var all = await _harness.TimersAsync(_workflow.Id);
        var timers = all.Where(t => t.Kind == TimerKind.TaskDue).ToList();
        // Due by now: the due timers and the yellow warnings (the escalation steps come when a deadline fires, ADR 0050).
        var dueByNow = all.Where(t => t.DueAt <= DueAt.AddDays(3)).ToList();
        Assert.Equal(4, dueByNow.Count);

        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.False(await _harness.FireAsync(timers[0].Id));
        Assert.All(await _harness.TimersAsync(_workflow.Id), t => Assert.True(t.FiredAt is null && t.CancelledAt is null));
        Assert.All(await _harness.TasksAsync(_workflow.Id), t => Assert.False(t.Overdue));
        Assert.Empty(await _harness.AlertsAsync());

        var scheduledBefore = _harness.Scheduler.Scheduled.Count;
        var resumed = await _harness.ResumeAsync(_workflow.Id);

        Assert.Equal(WorkflowStatus.Running, resumed.Status);
        // Resuming asks the scheduler, after its commit, to wake the deferred timers at once.
        var woken = _harness.Scheduler.Scheduled.Skip(scheduledBefore).ToList();
        Assert.Equal(dueByNow.Select(t => t.Id).Order(), woken.Select(s => s.TimerId).Order());
        Assert.All(woken, s => Assert.True(s.RowWasWritten));
        Assert.True(await _harness.FireAsync(timers[0].Id));
        // The other due timer (with its first escalation step); the yellow warnings are cancelled, not fired.
        Assert.Equal(1, await _harness.FireDueAsync());
        Assert.All(await _harness.TasksAsync(_workflow.Id), t => Assert.True(t.Overdue));
        Assert.Equal(2, (await _harness.EventsAsync<TaskOverdue>()).Count);
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowResumed && j.Detail.Contains($"到期的期限 {dueByNow.Count} 个"));
        Assert.Single(await _harness.EventsAsync<WorkflowResumed>());
    }

    [Fact]
    public async Task ResumingBeforeAnyDeadlineWakesNothingAndTheTimersFireOnTheirOwnTime()
    {
        await _harness.SuspendAsync(_workflow.Id);
        var scheduledBefore = _harness.Scheduler.Scheduled.Count;

        await _harness.ResumeAsync(_workflow.Id);

        Assert.Equal(scheduledBefore, _harness.Scheduler.Scheduled.Count);
        _harness.Clock.SetUtcNow(DueAt.AddSeconds(1));
        // Each task's due timer (each firing the first step of its escalation chain with it, ADR 0050).
        Assert.Equal(2, await _harness.FireDueAsync());
    }

    [Fact]
    public async Task SuspendingTwiceOrResumingARunningWorkflowIsAConflictButASuspendedOneCanBeCancelled()
    {
        var resumeRunning = await RefusedAsync(() => _harness.ResumeAsync(_workflow.Id));
        await _harness.SuspendAsync(_workflow.Id);
        var suspendAgain = await RefusedAsync(() => _harness.SuspendAsync(_workflow.Id));

        var cancelled = await _harness.CancelAsync(_workflow.Id);

        Assert.Equal((WorkflowErrorKind.Conflict, WorkflowErrorKind.Conflict), (resumeRunning.Kind, suspendAgain.Kind));
        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Equal(WorkflowErrorKind.Conflict, (await RefusedAsync(() => _harness.ResumeAsync(_workflow.Id))).Kind);
    }

    [Fact]
    public async Task ACompletionRacingASuspensionEitherLandsFirstOrIsRefused()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        await _harness.UploadRequiredEvidenceAsync(task.Id, TestActors.ShijiaStaff);
        _harness.Rival.BeforeNextSave(() => _harness.SuspendAsync(_workflow.Id));

        var refused = await RefusedAsync(() => _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal(WorkflowStatus.Suspended, (await _harness.WorkflowAsync(_workflow.Id)).Status);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }
}

[Trait("Category", "Unit")]
public sealed class WorkflowControlTestsOnSqlite() : WorkflowControlTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class WorkflowControlTestsOnPostgres() : WorkflowControlTests(EngineDatabase.Postgres);
