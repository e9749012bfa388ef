using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>Tokens waiting on time: an intermediate timer event, and the built-in templates' timer start (1 January of the start year).</summary>
public abstract class TimerEventTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AnIntermediateTimerHoldsTheTokenUntilItsTimeAndThenMovesOn()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.IntermediateTimer(days: 3));
        await _harness.CompleteAsync(workflow.Id, "before");

        // Wednesday 5 January + 3 days: the end of Saturday 8 January in China.
        var dueAt = ChinaTime.EndOfDay(new DateOnly(2022, 1, 8));
        var timer = Assert.Single(await _harness.TimersAsync(workflow.Id), t => t.Kind == TimerKind.TimerEvent);
        Assert.Equal((dueAt, "wait"), (timer.DueAt, timer.ElementId));
        Assert.Equal("wait", Assert.Single(await _harness.TokensAsync(workflow.Id)).ElementId);
        Assert.Contains(_harness.Scheduler.Scheduled, s => s.TimerId == timer.Id && s.DueAt == dueAt && s.RowWasWritten);
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);

        _harness.Clock.SetUtcNow(dueAt.AddSeconds(-1));
        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.False(await _harness.FireAsync(timer.Id));
        Assert.DoesNotContain(await _harness.TasksAsync(workflow.Id), t => t.ElementId == "after");

        _harness.Clock.SetUtcNow(dueAt);
        Assert.Equal(1, await _harness.FireDueAsync());

        var after = await _harness.OpenTaskAsync(workflow.Id, "after");
        Assert.Equal(dueAt, after.CreatedAt);
        Assert.Equal("after", Assert.Single(await _harness.TokensAsync(workflow.Id)).ElementId);
        Assert.Equal(dueAt, Assert.Single(await _harness.TimersAsync(workflow.Id), t => t.Id == timer.Id).FiredAt);
        Assert.Contains(await _harness.JournalAsync(workflow.Id), j => j.Kind == JournalKind.TimerElapsed && j.Actor == "system");
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }

    [Fact]
    public async Task AnIntermediateTimerFiredTwiceMovesTheTokenOnlyOnce()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.IntermediateTimer(days: 3));
        await _harness.CompleteAsync(workflow.Id, "before");
        var timer = Assert.Single(await _harness.TimersAsync(workflow.Id), t => t.Kind == TimerKind.TimerEvent);
        _harness.Clock.SetUtcNow(timer.DueAt.AddHours(1));

        Assert.True(await _harness.FireAsync(timer.Id));
        Assert.False(await _harness.FireAsync(timer.Id));
        Assert.Equal(0, await _harness.FireDueAsync());

        Assert.Single(await _harness.TasksAsync(workflow.Id), t => t.ElementId == "after");
        Assert.Single(await _harness.TokensAsync(workflow.Id));
    }

    [Fact]
    public async Task AWorkflowStartedTheYearBeforeItsStartYearWaitsUntilTheFirstOfJanuaryInChina()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia, Tracks.Municipal, startYear: 2023);

        var firstOfJanuary = new DateTimeOffset(2023, 1, 1, 0, 0, 0, ChinaTime.Offset);
        Assert.Empty(await _harness.TasksAsync(workflow.Id));
        var token = Assert.Single(await _harness.TokensAsync(workflow.Id));
        Assert.Equal(("start", TokenState.Waiting), (token.ElementId, token.State));
        var timer = Assert.Single(await _harness.TimersAsync(workflow.Id));
        Assert.Equal((TimerKind.TimerEvent, firstOfJanuary, token.Id), (timer.Kind, timer.DueAt, timer.TokenId));
        var waiting = await _harness.WorkflowAsync(workflow.Id);
        Assert.Equal((WorkflowStatus.Running, (string?)null, 2023), (waiting.Status, waiting.CurrentStageKey, waiting.TargetYear));
        Assert.All(await _harness.StagesAsync(workflow.Id), s => Assert.Equal(StageStatus.Pending, s.Status));
        Assert.Empty(await _harness.EventsAsync<StageEntered>());
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);

        _harness.Clock.SetUtcNow(firstOfJanuary.AddSeconds(-1));
        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.Empty(await _harness.TasksAsync(workflow.Id));

        _harness.Clock.SetUtcNow(firstOfJanuary);
        Assert.Equal(1, await _harness.FireDueAsync());

        var tasks = await _harness.TasksAsync(workflow.Id);
        Assert.Equal(["leading-group", "work-plan"], tasks.Select(t => t.ElementId).Order());
        Assert.All(tasks, t => Assert.Equal((firstOfJanuary, ChinaTime.EndOfDay(new DateOnly(2023, 1, 31))), (t.CreatedAt, t.DueAt)));
        var publicity = (await _harness.StagesAsync(workflow.Id))[0];
        Assert.Equal(("publicity", StageStatus.Active, (DateTimeOffset?)firstOfJanuary), (publicity.Key, publicity.Status, publicity.EnteredAt));
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }

    [Fact]
    public async Task AWorkflowStartedWithinItsStartYearDoesNotWait()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);

        Assert.DoesNotContain(await _harness.TimersAsync(workflow.Id), t => t.Kind == TimerKind.TimerEvent);
        Assert.Equal(2, (await _harness.TasksAsync(workflow.Id)).Count);
    }
}

[Trait("Category", "Unit")]
public sealed class TimerEventTestsOnSqlite() : TimerEventTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TimerEventTestsOnPostgres() : TimerEventTests(EngineDatabase.Postgres);
