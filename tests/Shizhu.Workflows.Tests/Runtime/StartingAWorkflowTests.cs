using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

public abstract class StartingAWorkflowTests(EngineDatabase database) : IAsyncLifetime
{
    /// <summary>End of January 2022 in China, as a UTC instant: when the municipal publicity tasks of 2022 are due.</summary>
    private static readonly DateTimeOffset EndOfJanuary2022 = new(2022, 1, 31, 15, 59, 59, TimeSpan.Zero);

    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AMunicipalWorkflowGetsTheStagesOfItsTemplateInTemplateOrder()
    {
        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        var template = _harness.Read(db => TemplateCatalog.Parse(db.Templates.Single(t => t.Key == "municipal" && t.Version == 1).Definition));
        var stages = await _harness.StagesAsync(started.Id);
        Assert.Equal(template.Stages.Select(s => s.Key), stages.Select(s => s.Key));
        Assert.Equal(template.Stages.Select(s => s.Name), stages.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(0, template.Stages.Count), stages.Select(s => s.Order));
        Assert.Equal(10, stages.Count);
        Assert.Equal(("municipal", 1), (started.TemplateKey, started.TemplateVersion));
    }

    [Fact]
    public async Task TheFirstStageIsActiveFromTheStartAndTheOthersWait()
    {
        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        var workflow = await _harness.WorkflowAsync(started.Id);
        Assert.Equal(WorkflowStatus.Running, workflow.Status);
        Assert.Equal("publicity", workflow.CurrentStageKey);
        Assert.Equal(("石家乡", 2022, 2022), (workflow.TownshipName, workflow.StartYear, workflow.TargetYear));
        Assert.Equal((EngineHarness.January2022, TestActors.CountyAdmin.UserName), (workflow.StartedAt, workflow.StartedBy));
        var stages = await _harness.StagesAsync(started.Id);
        var first = stages[0];
        Assert.Equal((StageStatus.Active, EngineHarness.January2022), (first.Status, first.EnteredAt));
        Assert.All(stages.Skip(1), s => Assert.Equal((StageStatus.Pending, (DateTimeOffset?)null), (s.Status, s.EnteredAt)));
    }

    [Fact]
    public async Task OnlyTheFirstStagesTasksWithoutDependenciesOpenAndTheyAreDueByTheEndOfJanuaryInChina()
    {
        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        var tasks = await _harness.TasksAsync(started.Id);
        Assert.Equal(["leading-group", "work-plan"], tasks.Select(t => t.ElementId).Order());
        Assert.All(tasks, t =>
        {
            Assert.Equal(("publicity", UserTaskStatus.Open, Roles.TownshipStaff, TaskScope.Township),
                (t.StageKey, t.Status, t.Role, t.Scope));
            Assert.Equal(TownshipCodes.Shijia, t.TownshipCode);
            Assert.Equal(EngineHarness.January2022, t.CreatedAt);
            Assert.Equal(EndOfJanuary2022, t.DueAt);
            Assert.False(t.Overdue);
        });
    }

    [Fact]
    public async Task EachOpenedTaskGetsATaskDueTimerThatIsScheduledOnlyAfterItIsWritten()
    {
        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        var tasks = await _harness.TasksAsync(started.Id);
        var all = await _harness.TimersAsync(started.Id);
        // Each task also has its yellow warning timer (ADR 0037, SupervisionTests); this test is about the due timers.
        var timers = all.Where(t => t.Kind == TimerKind.TaskDue).ToList();
        Assert.Equal(tasks.Select(t => t.Id).Order(), timers.Select(t => t.TaskId!.Value).Order());
        Assert.All(timers, t =>
        {
            Assert.Equal(TimerKind.TaskDue, t.Kind);
            Assert.Equal(EndOfJanuary2022, t.DueAt);
            Assert.Null(t.FiredAt);
            Assert.Null(t.CancelledAt);
        });
        Assert.Equal(all.Select(t => (t.Id, t.DueAt)).Order(), _harness.Scheduler.Scheduled.Select(s => (s.TimerId, s.DueAt)).Order());
        Assert.All(_harness.Scheduler.Scheduled, s => Assert.True(s.RowWasWritten));
    }

    [Fact]
    public async Task StartingWritesTheJournalAndTheOutboxAndThenWakesTheRelayOnce()
    {
        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        var journal = await _harness.JournalAsync(started.Id);
        Assert.Equal([JournalKind.WorkflowStarted, JournalKind.StageEntered, JournalKind.TaskCreated, JournalKind.TaskCreated], journal.Select(j => j.Kind));
        Assert.All(journal, j => Assert.Equal((TestActors.CountyAdmin.UserName, EngineHarness.January2022), (j.Actor, j.At)));

        var outbox = await _harness.OutboxAsync();
        Assert.Equal([nameof(WorkflowStarted), nameof(StageEntered), nameof(TaskCreated), nameof(TaskCreated)], outbox.Select(m => m.Type));
        Assert.All(outbox, m => Assert.Null(m.PublishedAt));
        Assert.Equal(outbox.Count, outbox.Select(m => m.EventId).Distinct().Count());

        var workflowStarted = EngineHarness.Deserialize<WorkflowStarted>(outbox[0]);
        Assert.Equal((started.Id, TownshipCodes.Shijia, "石家乡", "municipal", 2022, 2022, TestActors.CountyAdmin.UserName),
            (workflowStarted.WorkflowId, workflowStarted.TownshipCode, workflowStarted.TownshipName, workflowStarted.Track,
             workflowStarted.StartYear, workflowStarted.TargetYear, workflowStarted.Actor));
        Assert.Equal(outbox[0].EventId, workflowStarted.EventId);
        Assert.Equal("publicity", EngineHarness.Deserialize<StageEntered>(outbox[1]).StageKey);
        var tasks = await _harness.TasksAsync(started.Id);
        var created = outbox.Skip(2).Select(EngineHarness.Deserialize<TaskCreated>).ToList();
        Assert.Equal(tasks.Select(t => t.Id).Order(), created.Select(e => e.TaskId).Order());
        Assert.All(created, e => Assert.Equal(EndOfJanuary2022, e.DueAt));

        Assert.Equal([4], _harness.OutboxSignal.RowsAtSignal);
    }

    [Fact]
    public async Task StartingASecondRunningWorkflowForTheSameTownshipAndTrackIsAConflict()
    {
        await _harness.StartAsync(TownshipCodes.Shijia);
        var outboxBefore = (await _harness.OutboxAsync()).Count;
        var scheduledBefore = _harness.Scheduler.Scheduled.Count;

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.StartAsync(TownshipCodes.Shijia));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Contains("石家乡", refused.Message);
        Assert.Equal(1, _harness.Read(db => db.Workflows.Count()));
        Assert.Equal(outboxBefore, (await _harness.OutboxAsync()).Count);
        Assert.Equal(scheduledBefore, _harness.Scheduler.Scheduled.Count);
        Assert.Equal(1, _harness.OutboxSignal.Count);
    }

    [Fact]
    public async Task ATownshipMayRunBothTracksAndTwoTownshipsTheSameTrackAtOnce()
    {
        await _harness.StartAsync(TownshipCodes.Shijia);
        await _harness.StartAsync(TownshipCodes.Shijia, Tracks.National);
        await _harness.StartAsync(TownshipCodes.Jinling);

        Assert.Equal(3, _harness.Read(db => db.Workflows.Count(w => w.Status == WorkflowStatus.Running)));
    }

    [Theory]
    [InlineData("500240999", "municipal", 2022, null, "townshipCode")]
    [InlineData("", "municipal", 2022, null, "townshipCode")]
    [InlineData(null, "municipal", 2022, null, "townshipCode")]
    [InlineData(TownshipCodes.Shijia, "provincial", 2022, null, "track")]
    [InlineData(TownshipCodes.Shijia, null, 2022, null, "track")]
    [InlineData(TownshipCodes.Shijia, "municipal", null, null, "startYear")]
    [InlineData(TownshipCodes.Shijia, "municipal", 1999, null, "startYear")]
    [InlineData(TownshipCodes.Shijia, "municipal", 2022, 2021, "targetYear")]
    [InlineData(TownshipCodes.Shijia, "municipal", 2022, 2028, "targetYear")]
    public async Task AnInvalidStartIsRefusedNamingTheFieldAtFault(string? township, string? track, int? startYear, int? targetYear, string field)
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.StartAsync(township, track, startYear, targetYear));

        Assert.Equal(WorkflowErrorKind.Invalid, refused.Kind);
        Assert.Equal(field, refused.Field);
        Assert.Equal(0, _harness.Read(db => db.Workflows.Count()));
        Assert.Empty(await _harness.OutboxAsync());
    }

    [Fact]
    public async Task OnlyTheCountyOfficeMayStartAWorkflow()
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.StartAsync(TownshipCodes.Shijia, actor: TestActors.ShijiaStaff));

        Assert.Equal(WorkflowErrorKind.Forbidden, refused.Kind);
        Assert.Equal(0, _harness.Read(db => db.Workflows.Count()));
    }

    [Fact]
    public async Task ANationalWorkflowTakesItsTargetYearFromThePlanAndItsPublicityIsDueByTheEndOfTheStartYear()
    {
        var started = await _harness.StartAsync(TownshipCodes.Yuelai, Tracks.National, 2022);

        Assert.Equal((2022, 2024), (started.StartYear, started.TargetYear));
        Assert.All(await _harness.TasksAsync(started.Id),
            t => Assert.Equal(new DateTimeOffset(2022, 12, 31, 15, 59, 59, TimeSpan.Zero), t.DueAt));
    }

    [Theory]
    [InlineData(Tracks.National, 2023, 2025)]
    [InlineData(Tracks.Municipal, 2023, 2023)]
    public async Task ATownshipOutsideThePlanTakesTheTracksUsualSpan(string track, int startYear, int targetYear)
    {
        var started = await _harness.StartAsync(TownshipCodes.Huangshui, track, startYear);

        Assert.Equal(targetYear, started.TargetYear);
    }

    [Fact]
    public async Task AnExplicitTargetYearOverridesThePlan()
    {
        var started = await _harness.StartAsync(TownshipCodes.Yuelai, Tracks.National, 2022, targetYear: 2023);

        Assert.Equal(2023, started.TargetYear);
    }

    [Fact]
    public async Task AWorkflowStartsOnTheLatestPublishedVersionOfItsTrack()
    {
        await _harness.AddTemplateAsync(TestTemplates.MunicipalWithOutcomes, version: 2, TemplateStatus.Published);
        await _harness.AddTemplateAsync(TestTemplates.MunicipalWithOutcomes with { Name = "草稿" }, version: 3, TemplateStatus.Draft);

        var started = await _harness.StartAsync(TownshipCodes.Shijia);

        Assert.Equal(2, started.TemplateVersion);
        Assert.Equal(TestTemplates.MunicipalWithOutcomes.Stages.Select(s => s.Key), (await _harness.StagesAsync(started.Id)).Select(s => s.Key));
    }

    [Fact]
    public async Task WithoutAPublishedTemplateNoWorkflowCanStart()
    {
        await using (var db = _harness.NewDbContext())
        {
            await db.Templates.Where(t => t.Key == "municipal").ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TemplateStatus.Retired));
        }

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.StartAsync(TownshipCodes.Shijia));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
    }
}

[Trait("Category", "Unit")]
public sealed class StartingAWorkflowTestsOnSqlite() : StartingAWorkflowTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class StartingAWorkflowTestsOnPostgres() : StartingAWorkflowTests(EngineDatabase.Postgres);
