using System.Text.Json;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

public abstract class CompletingTasksTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ADependentTaskOpensOnlyOnceAllItsDependenciesAreComplete()
    {
        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "mobilisation-meeting");

        _harness.Clock.Advance(TimeSpan.FromDays(1));
        await _harness.CompleteAsync(_workflow.Id, "work-plan");

        var meeting = await _harness.OpenTaskAsync(_workflow.Id, "mobilisation-meeting");
        Assert.Equal(_harness.Clock.GetUtcNow(), meeting.CreatedAt);
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "responsibility-letters");
        Assert.Contains(_harness.Scheduler.Scheduled, s => s.DueAt == meeting.DueAt && s.RowWasWritten);
        Assert.Contains(await _harness.EventsAsync<TaskCreated>(), e => e.TaskId == meeting.Id);
    }

    [Fact]
    public async Task CompletingTheLastTaskOfAStageCompletesItAndEntersTheNextStage()
    {
        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        await _harness.CompleteAsync(_workflow.Id, "work-plan");
        await _harness.CompleteAsync(_workflow.Id, "mobilisation-meeting");
        Assert.Equal("publicity", (await _harness.WorkflowAsync(_workflow.Id)).CurrentStageKey);

        _harness.Clock.Advance(TimeSpan.FromDays(3));
        await _harness.CompleteAsync(_workflow.Id, "responsibility-letters");

        var now = _harness.Clock.GetUtcNow();
        Assert.Equal("application", (await _harness.WorkflowAsync(_workflow.Id)).CurrentStageKey);
        var stages = await _harness.StagesAsync(_workflow.Id);
        Assert.Equal((StageStatus.Completed, now), (stages[0].Status, stages[0].CompletedAt));
        // The application and, beside it for the creation year, the departments' guidance (ADR 0026).
        Assert.Equal(["department-guidance", "application"], stages.Skip(1).Take(2).Select(s => s.Key));
        Assert.All(stages.Skip(1).Take(2), s => Assert.Equal((StageStatus.Active, now, (DateTimeOffset?)null), (s.Status, s.EnteredAt, s.CompletedAt)));
        Assert.All(stages.Skip(3), s => Assert.Equal(StageStatus.Pending, s.Status));
        var submit = await _harness.OpenTaskAsync(_workflow.Id, "submit-application");
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2022, 4, 30)), submit.DueAt);
        Assert.Equal(["publicity", "application", "department-guidance"], (await _harness.EventsAsync<StageEntered>()).Select(e => e.StageKey));
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.StageCompleted && j.Detail.Contains("宣传发动"));
    }

    [Fact]
    public async Task WalkingTheWholeMunicipalTemplateCompletesTheWorkflow()
    {
        var template = _harness.BuiltInTemplate("municipal");

        await new ProcessDriver(_harness).RunToCompletionAsync(_workflow.Id, pace: TimeSpan.FromDays(1));

        var workflow = await _harness.WorkflowAsync(_workflow.Id);
        var now = _harness.Clock.GetUtcNow();
        Assert.Equal((WorkflowStatus.Completed, now, (string?)null), (workflow.Status, workflow.CompletedAt, workflow.CurrentStageKey));
        Assert.True(ChinaTime.ToLocal(now) < new DateTimeOffset(2023, 1, 1, 0, 0, 0, ChinaTime.Offset), "named within 2022");
        var stages = await _harness.StagesAsync(_workflow.Id);
        Assert.Equal(template.Stages.Select(s => s.Key), stages.Select(s => s.Key));
        Assert.All(stages, s =>
        {
            Assert.Equal(StageStatus.Completed, s.Status);
            Assert.NotNull(s.EnteredAt);
            Assert.True(s.CompletedAt >= s.EnteredAt);
        });
        Assert.Equal(stages.OrderBy(s => s.EnteredAt).Select(s => s.Key), stages.Select(s => s.Key));
        Assert.Equal(stages.OrderBy(s => s.CompletedAt).Select(s => s.Key), stages.Select(s => s.Key));
        // Every stage is entered once, in template order but for the departments' guidance, which starts beside the application (ADR 0026).
        var entered = (await _harness.EventsAsync<StageEntered>()).Select(e => e.StageKey).ToList();
        Assert.Equal(template.Stages.Select(s => s.Key).Where(k => k != "department-guidance"), entered.Where(k => k != "department-guidance"));
        Assert.Single(entered, k => k == "department-guidance");

        // Passing outcomes never enter a rectification round, a county-office decision or a rectification after a failed
        // municipal result or public notice: every other user task runs once.
        static bool OffTheGoodPath(string id) => id.EndsWith("-rectification", StringComparison.Ordinal) || id.EndsWith("-report", StringComparison.Ordinal)
            || id.EndsWith("-verification", StringComparison.Ordinal) || id.EndsWith("-decision", StringComparison.Ordinal);
        var expected = template.Elements.Where(e => e.Type == ElementType.UserTask && !OffTheGoodPath(e.Id)).Select(e => e.Id).Order().ToList();
        var tasks = await _harness.TasksAsync(_workflow.Id);
        // A 会签 runs once with one task per instance (ADR 0045): the nine departments' signatures of department-guidance-sign.
        Assert.Equal(expected, tasks.Select(t => t.ElementId).Distinct().Order());
        Assert.Equal(9, tasks.Count(t => t.ElementId == "department-guidance-sign"));
        Assert.All(tasks, t => Assert.Equal(UserTaskStatus.Completed, t.Status));
        Assert.All(await _harness.TimersAsync(_workflow.Id), t => Assert.True(t.FiredAt is not null ^ t.CancelledAt is not null));
        Assert.Empty(await _harness.TokensAsync(_workflow.Id));
        Assert.Empty(await _harness.IncidentsAsync(_workflow.Id));

        var subsidies = await _harness.SubsidiesAsync(_workflow.Id);
        Assert.Equal([(1, 400_000m), (2, 400_000m)], subsidies.Select(s => (s.Instalment, s.Amount)));
        Assert.All(subsidies, s => Assert.Equal(TownshipCodes.Shijia, s.TownshipCode));

        var completed = Assert.Single(await _harness.EventsAsync<WorkflowCompleted>());
        Assert.Equal((_workflow.Id, TownshipCodes.Shijia, "municipal"), (completed.WorkflowId, completed.TownshipCode, completed.Track));
        // One event per task row: the 会签's nine signatures are nine tasks.
        Assert.Equal(tasks.Count, (await _harness.EventsAsync<TaskCreated>()).Count);
        Assert.Equal(tasks.Count, (await _harness.EventsAsync<TaskCompleted>()).Count);
        Assert.Equal("municipal-verdict", Assert.Single(await _harness.EventsAsync<MessageDelivered>()).Name);
        Assert.Equal("passed", (string?)(await _harness.VariablesAsync(_workflow.Id))["municipal-verdict"]?["result"]);
        Assert.Equal(nameof(WorkflowCompleted), (await _harness.OutboxAsync())[^1].Type);
    }

    [Fact]
    public async Task WalkingTheWholeNationalTemplateRecordsTwoInstalmentsOfHalfAMillion()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Yuelai, Tracks.National);

        await new ProcessDriver(_harness).RunToCompletionAsync(workflow.Id, pace: TimeSpan.FromDays(1));

        var done = await _harness.WorkflowAsync(workflow.Id);
        Assert.Equal((WorkflowStatus.Completed, 2024), (done.Status, ChinaTime.ToLocal(done.CompletedAt!.Value).Year));
        Assert.Equal([(1, 500_000m), (2, 500_000m)], (await _harness.SubsidiesAsync(workflow.Id)).Select(s => (s.Instalment, s.Amount)));
    }

    [Fact]
    public async Task CompletingACompletedTaskIsAConflict()
    {
        var task = await _harness.CompleteAsync(_workflow.Id, "leading-group");
        var eventsBefore = (await _harness.OutboxAsync()).Count;

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal(eventsBefore, (await _harness.OutboxAsync()).Count);
    }

    [Fact]
    public async Task StaffOfAnotherTownshipCannotFindTheTask()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(task.Id, TestActors.JinlingStaff));

        Assert.Equal(WorkflowErrorKind.NotFound, refused.Kind);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task AnUnknownTaskIsNotFound()
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(Guid.NewGuid(), TestActors.CountyAdmin));

        Assert.Equal(WorkflowErrorKind.NotFound, refused.Kind);
    }

    [Fact]
    public async Task AnActorWithoutTheTasksRoleIsForbiddenEvenInTheRightTownshipOrTheCountyOffice()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");

        var leader = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(task.Id, TestActors.ShijiaLeader));
        var county = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(task.Id, TestActors.CountyAdmin));

        Assert.Equal(WorkflowErrorKind.Forbidden, leader.Kind);
        Assert.Equal(WorkflowErrorKind.Forbidden, county.Kind);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task ACompletionCarriesTheDisplayNameOfWhoCompletedItForTheTextsPeopleRead()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        var named = TestActors.ShijiaStaff with { DisplayName = "谭晓梅" };
        using var data = JsonDocument.Parse("""{"members":["张三"],"documentNo":"石家府〔2022〕2号"}""");

        await _harness.CompleteWithEvidenceAsync(task.Id, named, new CompleteTask(null, data.RootElement, null));

        var @event = Assert.Single(await _harness.EventsAsync<TaskCompleted>());
        Assert.Equal((named.UserName, "谭晓梅"), (@event.CompletedBy, @event.CompletedByName));
    }

    [Fact]
    public async Task CompletingRecordsWhoWhenTheFormDataAndTheCommentAndCancelsTheDueTimer()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        _harness.Clock.Advance(TimeSpan.FromHours(5));
        using var data = JsonDocument.Parse("""{"members":["张三","李四"],"documentNo":"石家府〔2022〕1号"}""");

        var completed = await _harness.CompleteWithEvidenceAsync(task.Id, TestActors.ShijiaStaff, new CompleteTask(null, data.RootElement, "  已成立领导小组  "));

        var now = _harness.Clock.GetUtcNow();
        var stored = await _harness.TaskAsync(task.Id);
        Assert.Equal((UserTaskStatus.Completed, now, TestActors.ShijiaStaff.UserName, "已成立领导小组"),
            (stored.Status, stored.CompletedAt, stored.CompletedBy, stored.Comment));
        Assert.Null(stored.Outcome);
        using (var storedData = JsonDocument.Parse(stored.Data!))
            Assert.Equal("石家府〔2022〕1号", storedData.RootElement.GetProperty("documentNo").GetString());
        Assert.Equal(stored.CompletedAt, completed.CompletedAt);
        var timer = Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == task.Id && t.Kind == TimerKind.TaskDue);
        Assert.Equal(now, timer.CancelledAt);
        var @event = Assert.Single(await _harness.EventsAsync<TaskCompleted>());
        Assert.Equal((task.Id, TestActors.ShijiaStaff.UserName, "publicity"), (@event.TaskId, @event.CompletedBy, @event.StageKey));
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskCompleted && j.Actor == TestActors.ShijiaStaff.UserName);
        Assert.Equal(2, _harness.OutboxSignal.Count);
    }

    [Fact]
    public async Task RepeatingACompletionWithTheSameIdempotencyKeyAnswersTheFirstResultAndRaisesNothingMore()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        var first = await _harness.CompleteWithEvidenceAsync(task.Id, TestActors.ShijiaStaff, idempotencyKey: "req-1");
        var outboxAfterFirst = (await _harness.OutboxAsync()).Count;
        var signalsAfterFirst = _harness.OutboxSignal.Count;
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var repeat = await _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, idempotencyKey: "req-1");

        Assert.Equal((first.Id, first.Status, first.CompletedAt, first.CompletedBy), (repeat.Id, repeat.Status, repeat.CompletedAt, repeat.CompletedBy));
        Assert.Single(await _harness.EventsAsync<TaskCompleted>());
        Assert.Equal(outboxAfterFirst, (await _harness.OutboxAsync()).Count);
        Assert.Equal(signalsAfterFirst, _harness.OutboxSignal.Count);
    }

    [Fact]
    public async Task ReusingAnIdempotencyKeyForAnotherTaskIsUnprocessable()
    {
        var leadingGroup = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        var workPlan = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");
        await _harness.CompleteWithEvidenceAsync(leadingGroup.Id, TestActors.ShijiaStaff, idempotencyKey: "req-1");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(workPlan.Id, TestActors.ShijiaStaff, idempotencyKey: "req-1"));

        Assert.Equal((WorkflowErrorKind.Unprocessable, "Idempotency-Key"), (refused.Kind, refused.Field));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(workPlan.Id)).Status);
    }

    [Theory]
    [InlineData("passed", null, null, "outcome")]
    [InlineData(null, "[1,2]", null, "data")]
    [InlineData(null, "\"text\"", null, "data")]
    [InlineData(null, null, 2001, "comment")]
    public async Task AnInvalidCompletionIsRefusedNamingTheFieldAtFault(string? outcome, string? dataJson, int? commentLength, string field)
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
        using var data = dataJson is null ? null : JsonDocument.Parse(dataJson);
        var comment = commentLength is { } length ? new string('意', length) : null;

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, new CompleteTask(outcome, data?.RootElement, comment)));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (refused.Kind, refused.Field));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
        Assert.Empty(await _harness.EventsAsync<TaskCompleted>());
    }

    [Fact]
    public async Task AnIdempotencyKeyLongerThan100CharactersIsInvalid()
    {
        var task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, idempotencyKey: new string('k', 101)));

        Assert.Equal((WorkflowErrorKind.Invalid, "Idempotency-Key"), (refused.Kind, refused.Field));
    }
}

[Trait("Category", "Unit")]
public sealed class CompletingTasksTestsOnSqlite() : CompletingTasksTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class CompletingTasksTestsOnPostgres() : CompletingTasksTests(EngineDatabase.Postgres);
