using Shizhu.Workflows.Supervision;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>
/// 石家乡's municipal workflow of 2022, started on the built-in version 1 (publicity: 组建领导小组 and 制定实施方案 open in
/// parallel, due end of January), moved to a version 2 derived from it with one edit per test.
/// </summary>
public abstract class InstanceMigrationTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset EndOfJanuary = ChinaTime.EndOfDay(new DateOnly(2022, 1, 31));

    private EngineHarness _harness = null!;
    private TemplateDefinition _v1 = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _v1 = _harness.BuiltInTemplate(Tracks.Municipal);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _harness.Clock.Advance(TimeSpan.FromDays(1));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static MigrationPlanRequest Plan(params ElementMappingRequest[] mappings) =>
        new(Tracks.Municipal, 1, 2, mappings);

    private Task PublishV2Async(TemplateDefinition v2) => _harness.AddTemplateAsync(v2, 2, TemplateStatus.Published);

    private async Task<WorkflowTask> OpenTaskAsync(string key) => await _harness.OpenTaskAsync(_workflow.Id, key);

    [Fact]
    public async Task SameElementIdsMapByThemselvesAndAChangedDueRuleRecomputesTheKeptTasksDueTimeAndTimer()
    {
        await PublishV2Async(_v1.WithDue("leading-group", new DueRule(Year: "target", Month: 2)));
        var before = await _harness.TasksAsync(_workflow.Id);

        var view = await _harness.MigrateAsync(_workflow.Id, Plan());

        var endOfFebruary = ChinaTime.EndOfDay(new DateOnly(2022, 2, 28));
        Assert.Equal((WorkflowMigrationView.Migrated, 1, 2), (view.Status, view.FromVersion, view.ToVersion));
        Assert.Equal(2, (await _harness.WorkflowAsync(_workflow.Id)).TemplateVersion);
        var after = await _harness.TasksAsync(_workflow.Id);
        Assert.Equal(before.Select(t => (t.Id, t.ElementId, t.Status)), after.Select(t => (t.Id, t.ElementId, t.Status)));
        Assert.Equal(endOfFebruary, after.Single(t => t.ElementId == "leading-group").DueAt);
        Assert.Equal(EndOfJanuary, after.Single(t => t.ElementId == "work-plan").DueAt);
        Assert.Empty(view.TasksCreated);
        Assert.Empty(view.TasksCancelled);
        Assert.True(view.VariablesUnchanged);
        Assert.All(view.Tokens, t => Assert.Equal(("moved", t.From), (t.Change, t.To)));

        var recomputed = Assert.Single(view.Timers, t => t.Change == "recomputed");
        Assert.Equal(("taskDue", EndOfJanuary, endOfFebruary), (recomputed.Kind, recomputed.DueBefore, recomputed.DueAfter));
        var pending = (await _harness.TimersAsync(_workflow.Id)).Where(t => t.CancelledAt is null && t.Kind != TimerKind.TaskWarning && !EscalationChain.IsEscalation(t.Kind)).OrderBy(t => t.DueAt).ToList();
        Assert.Equal([EndOfJanuary, endOfFebruary], pending.Select(t => t.DueAt));
        Assert.Contains(_harness.Scheduler.Scheduled, s => s.TimerId == recomputed.TimerId && s.DueAt == endOfFebruary && s.RowWasWritten);
        Assert.Equal([StageStatus.Active], (await _harness.StagesAsync(_workflow.Id)).Where(s => s.Status != StageStatus.Pending).Select(s => s.Status));

        // Past January only 制定实施方案 becomes overdue: the kept task's new deadline is the one that counts.
        _harness.Clock.SetUtcNow(EndOfJanuary.AddHours(1));
        await _harness.FireDueAsync();
        Assert.Equal(["work-plan"], (await _harness.TasksAsync(_workflow.Id)).Where(t => t.Overdue).Select(t => t.ElementId));
    }

    [Fact]
    public async Task TheJournalRecordsWhoMigratedFromWhichVersionToWhichWithTheMappingUsedAndWhatMoved()
    {
        await PublishV2Async(_v1.Rename("work-plan", "implementation-plan"));

        await _harness.MigrateAsync(_workflow.Id, Plan(new ElementMappingRequest("work-plan", "implementation-plan")));

        var row = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowMigrated);
        Assert.Equal(TestActors.CountyAdmin.UserName, row.Actor);
        Assert.StartsWith($"迁移创建工作流：“{_v1.Name}”第 1 版 → 第 2 版（保留任务", row.Detail);
        var change = JsonNode.Parse(row.Change!)!;
        Assert.Equal(1, change["before"]!["workflow"]!["templateVersion"]!.GetValue<int>());
        Assert.Equal(2, change["after"]!["workflow"]!["templateVersion"]!.GetValue<int>());
        Assert.Equal("""[{"from":"work-plan","to":"implementation-plan"}]""", change["after"]!["mapping"]!.ToJsonString());
        var moves = change["after"]!["migration"]!["tokens"]!.AsArray().Select(t => $"{t!["from"]}>{t["to"]}").Order();
        Assert.Equal(["leading-group>leading-group", "work-plan>implementation-plan"], moves);
        var @event = Assert.Single(await _harness.EventsAsync<WorkflowMigrated>());
        Assert.Equal((_workflow.Id, 1, 2, TestActors.CountyAdmin.UserName), (@event.WorkflowId, @event.FromVersion, @event.ToVersion, @event.Actor));
    }

    [Fact]
    public async Task ARenamedElementIsRefusedUntilTheMappingNamesItsCounterpartThenTheTaskKeepsItsRowAndTheJoinStillCounts()
    {
        await PublishV2Async(_v1.Rename("work-plan", "implementation-plan"));
        var task = await OpenTaskAsync("work-plan");

        var refused = Assert.Single((await _harness.DryRunMigrationAsync(Plan())).Workflows);
        var mapped = await _harness.MigrateAsync(_workflow.Id, Plan(new ElementMappingRequest("work-plan", "implementation-plan")));

        Assert.Equal(WorkflowMigrationView.Refused, refused.Status);
        Assert.Equal("work-plan", Assert.Single(refused.Refusals).ElementId);
        Assert.Contains("迁移计划也未说明如何处理", refused.Refusals[0].Reason);
        var kept = Assert.Single(mapped.TasksKept, t => t.TaskId == task.Id);
        Assert.Equal(("work-plan", "implementation-plan", EndOfJanuary, EndOfJanuary), (kept.FromElement, kept.ToElement, kept.DueBefore, kept.DueAfter));
        Assert.Equal(("implementation-plan", UserTaskStatus.Open), ((await _harness.TaskAsync(task.Id)).ElementId, (await _harness.TaskAsync(task.Id)).Status));

        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        await _harness.CompleteAsync(_workflow.Id, "implementation-plan");
        Assert.Equal(UserTaskStatus.Open, (await OpenTaskAsync("mobilisation-meeting")).Status);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);
    }

    [Fact]
    public async Task ATokenWaitingAtAJoinCountsAsArrivedByTheFlowOfTheRenamedElement()
    {
        await PublishV2Async(_v1.Rename("work-plan", "implementation-plan"));
        await _harness.CompleteAsync(_workflow.Id, "work-plan");

        var view = await _harness.MigrateAsync(_workflow.Id, Plan(new ElementMappingRequest("work-plan", "implementation-plan")));

        Assert.Contains(view.Tokens, t => t is { From: "publicity-join", To: "publicity-join", Change: "moved" });
        Assert.Contains(await _harness.TokensAsync(_workflow.Id), t => t.ArrivedBy == "implementation-plan->publicity-join");
        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        await OpenTaskAsync("mobilisation-meeting");
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);
    }

    [Fact]
    public async Task ASplitElementKeepsItsTaskAndOpensTheNewOneOnASecondTokenThatTheJoinWaitsFor()
    {
        await PublishV2Async(_v1.WithParallelTask("work-plan", "publicity-materials", "准备宣传材料"));
        var plan = Plan(new ElementMappingRequest("work-plan", "work-plan"), new ElementMappingRequest("work-plan", "publicity-materials"));

        var view = await _harness.MigrateAsync(_workflow.Id, plan);

        var created = Assert.Single(view.TasksCreated);
        Assert.Equal(("准备宣传材料", "publicity-materials"), (created.Title, created.ToElement));
        Assert.Equal(2, view.TasksKept.Count);
        Assert.Single(view.Tokens, t => t is { Change: "created", From: "work-plan", To: "publicity-materials" });
        var opened = await OpenTaskAsync("publicity-materials");
        Assert.Equal(((Guid?)opened.Id, (DateTimeOffset?)EndOfJanuary), (created.TaskId, opened.DueAt));
        Assert.Contains(await _harness.EventsAsync<TaskCreated>(), e => e.TaskId == opened.Id);
        Assert.Equal(3, (await _harness.TokensAsync(_workflow.Id)).Count);

        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        await _harness.CompleteAsync(_workflow.Id, "work-plan");
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "mobilisation-meeting");
        await _harness.CompleteAsync(_workflow.Id, "publicity-materials");
        await OpenTaskAsync("mobilisation-meeting");
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);
    }

    [Fact]
    public async Task ASplitIntoSeveralNewTasksIsReportedInTheSameOrderByTheDryRunAndByTheExecution()
    {
        string[] added = ["publicity-photos", "publicity-banners", "publicity-materials", "publicity-leaflets"];
        await PublishV2Async(added.Aggregate(_v1, (v2, id) => v2.WithParallelTask("work-plan", id, $"宣传准备 {id}")));
        var plan = Plan([new ElementMappingRequest("work-plan", "work-plan"), .. added.Select(id => new ElementMappingRequest("work-plan", id))]);

        var foreseen = Assert.Single((await _harness.DryRunMigrationAsync(plan)).Workflows);
        var done = await _harness.MigrateAsync(_workflow.Id, plan);

        Assert.Equal(added.Order(StringComparer.Ordinal), foreseen.TasksCreated.Select(t => t.ToElement!));
        Assert.Equal(foreseen.TasksCreated.Select(t => (t.ToElement, t.DueAfter)), done.TasksCreated.Select(t => (t.ToElement, t.DueAfter)));
    }

    [Fact]
    public async Task AnUnmappedStateIsRefusedWith422ReasonsByElementAndNothingIsWritten()
    {
        await PublishV2Async(_v1.Without("work-plan"));
        var footprint = _harness.Footprint();

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.MigrateAsync(_workflow.Id, Plan()));

        Assert.Equal(WorkflowErrorKind.Unprocessable, refused.Kind);
        Assert.Contains("未做任何修改", refused.Message);
        Assert.Contains("制定创建工作实施方案", refused.Errors["elements.work-plan"]);
        Assert.Equal(footprint, _harness.Footprint());
        Assert.Equal(1, (await _harness.WorkflowAsync(_workflow.Id)).TemplateVersion);
    }

    [Fact]
    public async Task AnElementThePlanCancelsHasItsTaskCancelledItsTimersStoppedAndTaskCancelledRaised()
    {
        await PublishV2Async(_v1.Without("work-plan"));
        var task = await OpenTaskAsync("work-plan");

        var view = await _harness.MigrateAsync(_workflow.Id, Plan(new ElementMappingRequest("work-plan", Cancel: true)));

        Assert.Equal(task.Id, Assert.Single(view.TasksCancelled).TaskId);
        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(task.Id)).Status);
        Assert.All((await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == task.Id), t => Assert.NotNull(t.CancelledAt));
        Assert.Equal(["leading-group"], (await _harness.TokensAsync(_workflow.Id)).Select(t => t.ElementId));
        var @event = Assert.Single(await _harness.EventsAsync<TaskCancelled>());
        Assert.Equal((task.Id, "制定创建工作实施方案", Roles.TownshipStaff), (@event.TaskId, @event.Title, @event.Role));
    }

    [Fact]
    public async Task ATaskThatTheNewVersionGivesToOtherPeopleIsCancelledAndOpenedAgainForThem()
    {
        await PublishV2Async(_v1.WithRole("work-plan", Roles.TownshipLeader));
        var task = await OpenTaskAsync("work-plan");

        var view = await _harness.MigrateAsync(_workflow.Id, Plan());

        Assert.Equal(task.Id, Assert.Single(view.TasksCancelled).TaskId);
        var reopened = await OpenTaskAsync("work-plan");
        Assert.NotEqual(task.Id, reopened.Id);
        Assert.Equal((Roles.TownshipLeader, reopened.Id), (reopened.Role, Assert.Single(view.TasksCreated).TaskId));
        Assert.Single(await _harness.EventsAsync<TaskCancelled>(), e => e.TaskId == task.Id);
        Assert.Single(await _harness.EventsAsync<TaskCreated>(), e => e.TaskId == reopened.Id);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);
    }

    [Fact]
    public async Task ExecutingTheSamePlanAgainAnswersTheFirstResultAndMigratesNothingTwice()
    {
        await PublishV2Async(_v1.WithParallelTask("work-plan", "publicity-materials", "准备宣传材料"));
        var plan = Plan(new ElementMappingRequest("work-plan", "work-plan"), new ElementMappingRequest("work-plan", "publicity-materials"));

        var first = await _harness.MigrateAsync(_workflow.Id, plan);
        var footprint = _harness.Footprint();
        var again = await _harness.MigrateAsync(_workflow.Id, plan);
        var batch = await _harness.ExecuteMigrationAsync(plan, key: "batch-1");

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));
        // Only the batch's own Idempotency-Key is recorded: the repeat wrote nothing.
        Assert.Equal(footprint with { Keys = footprint.Keys + 1 }, _harness.Footprint());
        Assert.Equal((0, 0), (batch.Selected, batch.Migrated));
        Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowMigrated);
        Assert.Single(await _harness.EventsAsync<WorkflowMigrated>());
    }

    [Fact]
    public async Task ABatchMigratesTheTownshipsItsFilterNamesEachInItsOwnCommandAndListsEachResult()
    {
        var jinling = await _harness.StartAsync(TownshipCodes.Jinling);
        await PublishV2Async(_v1.Without("work-plan"));
        // 金铃乡 has left both tasks of the fork behind; 石家乡 still waits on the element version 2 no longer has.
        await _harness.CompleteAsync(jinling.Id, "leading-group");
        await _harness.CompleteAsync(jinling.Id, "work-plan");

        var dryRun = await _harness.DryRunMigrationAsync(Plan());
        var batch = await _harness.ExecuteMigrationAsync(Plan() with { Filter = new MigrationFilter([TownshipCodes.Shijia, TownshipCodes.Jinling]) });

        Assert.Equal((2, 0, 1), (dryRun.Selected, dryRun.Migrated, dryRun.Refused));
        Assert.Equal((2, 1, 1), (batch.Selected, batch.Migrated, batch.Refused));
        Assert.Equal(WorkflowMigrationView.Refused, batch.Workflows.Single(w => w.WorkflowId == _workflow.Id).Status);
        Assert.Equal("work-plan", Assert.Single(batch.Workflows.Single(w => w.WorkflowId == _workflow.Id).Refusals).ElementId);
        Assert.Equal(WorkflowMigrationView.Migrated, batch.Workflows.Single(w => w.WorkflowId == jinling.Id).Status);
        Assert.Equal((1, 2), ((await _harness.WorkflowAsync(_workflow.Id)).TemplateVersion, (await _harness.WorkflowAsync(jinling.Id)).TemplateVersion));
    }

    [Fact]
    public async Task ADryRunReportsTokensTasksTimersAndStagesAndWritesNothing()
    {
        await PublishV2Async(_v1.WithParallelTask("work-plan", "publicity-materials", "准备宣传材料")
            .WithDue("leading-group", new DueRule(Year: "target", Month: 2)));
        var footprint = _harness.Footprint();
        var scheduled = _harness.Scheduler.Scheduled.Count;

        var batch = await _harness.DryRunMigrationAsync(
            Plan(new ElementMappingRequest("work-plan", "work-plan"), new ElementMappingRequest("work-plan", "publicity-materials")));

        var view = Assert.Single(batch.Workflows);
        Assert.Equal((true, WorkflowMigrationView.DryRun), (batch.DryRun, view.Status));
        Assert.Equal(3, view.Tokens.Count);
        Assert.Equal(2, view.TasksKept.Count);
        var created = Assert.Single(view.TasksCreated);
        Assert.Equal((null, "publicity-materials", EndOfJanuary), (created.TaskId, created.ToElement, created.DueAfter));
        Assert.Contains(view.Timers, t => t is { Change: "recomputed", TimerId: null } && t.DueAfter == ChinaTime.EndOfDay(new DateOnly(2022, 2, 28)));
        Assert.Contains(view.Timers, t => t is { Change: "created", Kind: "taskDue", ToElement: "publicity-materials" });
        Assert.Equal(_v1.Stages.Select(s => s.Key), view.Stages.Select(s => s.Key));
        Assert.Equal(footprint, _harness.Footprint());
        Assert.Equal(scheduled, _harness.Scheduler.Scheduled.Count);
    }

    [Fact]
    public async Task ATimerStartWaitingForItsYearIsRecomputedByTheTargetsRuleAndWokenThen()
    {
        var later = await _harness.StartAsync(TownshipCodes.Jinling, startYear: 2023);
        var old = Assert.Single(await _harness.TimersAsync(later.Id));
        await PublishV2Async(_v1.WithDue("start", new DueRule(Year: "start", Month: 1, Day: 3, At: "start")));

        var view = await _harness.MigrateAsync(later.Id, Plan());

        var third = ChinaTime.At(new DateOnly(2023, 1, 3), TimeOnly.MinValue);
        var timer = Assert.Single(view.Timers);
        Assert.Equal(("recomputed", "timerEvent", old.DueAt, third), (timer.Change, timer.Kind, timer.DueBefore, timer.DueAfter));
        Assert.NotNull((await _harness.TimersAsync(later.Id)).Single(t => t.Id == old.Id).CancelledAt);
        Assert.Contains(_harness.Scheduler.Scheduled, s => s.TimerId == timer.TimerId && s.DueAt == third);

        _harness.Clock.SetUtcNow(third.AddDays(-1));
        await _harness.FireDueAsync();
        Assert.Empty(await _harness.TasksAsync(later.Id));
        _harness.Clock.SetUtcNow(third);
        await _harness.FireDueAsync();
        Assert.Equal(2, (await _harness.TasksAsync(later.Id)).Count);
    }

    [Fact]
    public async Task APlanNamingUnknownElementsOrAnUnpublishedTargetIsRefusedNamingTheFieldAndOnlyAdministratorsMigrate()
    {
        await PublishV2Async(_v1);
        await _harness.AddTemplateAsync(_v1, 3, TemplateStatus.Draft);

        var unknownTo = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DryRunMigrationAsync(Plan(new ElementMappingRequest("work-plan", "nowhere"))));
        var unknownFrom = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DryRunMigrationAsync(Plan(new("leading-group", "leading-group"), new("nowhere", "work-plan"))));
        var draft = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DryRunMigrationAsync(Plan() with { TargetVersion = 3 }));
        var township = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DryRunMigrationAsync(Plan() with { Filter = new(["000"]) }));
        var staff = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DryRunMigrationAsync(Plan(), TestActors.ShijiaStaff));

        Assert.Equal((WorkflowErrorKind.Invalid, "mappings[0].to"), (unknownTo.Kind, unknownTo.Field));
        Assert.Equal((WorkflowErrorKind.Invalid, "mappings[1].from"), (unknownFrom.Kind, unknownFrom.Field));
        Assert.Equal((WorkflowErrorKind.Invalid, "targetVersion"), (draft.Kind, draft.Field));
        Assert.Equal((WorkflowErrorKind.Invalid, "filter.townshipCodes[0]"), (township.Kind, township.Field));
        Assert.Equal(WorkflowErrorKind.Forbidden, staff.Kind);
    }
}

[Trait("Category", "Unit")]
public sealed class InstanceMigrationTestsOnSqlite() : InstanceMigrationTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class InstanceMigrationTestsOnPostgres() : InstanceMigrationTests(EngineDatabase.Postgres);
