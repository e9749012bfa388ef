using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>The engine on <see cref="TestTemplates.MunicipalWithOutcomes"/>, started just before Spring Festival 2023.</summary>
public abstract class OutcomesAndDurationRulesTests(EngineDatabase database) : IAsyncLifetime
{
    /// <summary>Thursday 19 January 2023, 10:00 in China.</summary>
    private static readonly DateTimeOffset BeforeSpringFestival2023 = new(2023, 1, 19, 2, 0, 0, TimeSpan.Zero);

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database, BeforeSpringFestival2023);
        await _harness.AddTemplateAsync(TestTemplates.MunicipalWithOutcomes, version: 2, TemplateStatus.Published);
        _workflow = await _harness.StartAsync(TownshipCodes.Huangshui, startYear: 2023);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AWorkingDaysDueRuleSkipsTheSpringFestivalHolidayAndCountsTheMakeUpWeekend()
    {
        var submit = await _harness.OpenTaskAsync(_workflow.Id, "submit");

        // Working days after Thursday 19 January: Friday 20, make-up Saturday 28, make-up Sunday 29.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2023, 1, 29)), submit.DueAt);
        // Two timers: the due time and its yellow warning (ADR 0037), three working days earlier; the escalation chain
        // is set only when the due time passes (ADR 0050).
        Assert.Equal(1, _harness.Scheduler.Scheduled.Count(s => s.DueAt == submit.DueAt));
        Assert.Equal(2, _harness.Scheduler.Scheduled.Count);
    }

    [Fact]
    public async Task ADaysDueRuleCountsCalendarDaysFromWhenTheTaskOpens()
    {
        _harness.Clock.Advance(TimeSpan.FromDays(1)); // Friday 20 January, 10:00 in China
        await _harness.CompleteAsync(_workflow.Id, "submit");

        var verdict = await _harness.OpenTaskAsync(_workflow.Id, "verdict");
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2023, 1, 30)), verdict.DueAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task AMissingOutcomeIsRefusedNamingTheFieldAndNothingIsDecidedForThePerson(string? outcome)
    {
        await _harness.CompleteAsync(_workflow.Id, "submit");
        var verdict = await _harness.OpenTaskAsync(_workflow.Id, "verdict");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(verdict.Id, TestActors.CountyAdmin, new CompleteTask(outcome, null, null)));

        Assert.Equal((WorkflowErrorKind.Invalid, "outcome", "请选择办理结果。"), (refused.Kind, refused.Field, refused.Message));
        var task = await _harness.TaskAsync(verdict.Id);
        Assert.Equal((UserTaskStatus.Open, (string?)null), (task.Status, task.Outcome));
        Assert.DoesNotContain(await _harness.EventsAsync<TaskCompleted>(), e => e.TaskId == verdict.Id);
    }

    [Fact]
    public async Task AnAllowedOutcomeIsRecordedAndPublished()
    {
        await _harness.CompleteAsync(_workflow.Id, "submit");
        var verdict = await _harness.OpenTaskAsync(_workflow.Id, "verdict");

        await _harness.CompleteAsync(verdict.Id, TestActors.CountyAdmin, new CompleteTask("returned", null, null));

        Assert.Equal("returned", (await _harness.TaskAsync(verdict.Id)).Outcome);
        Assert.Equal("returned", (await _harness.EventsAsync<TaskCompleted>()).Single(e => e.TaskId == verdict.Id).Outcome);
    }

    [Fact]
    public async Task AnOutcomeOutsideTheAllowedListIsInvalid()
    {
        await _harness.CompleteAsync(_workflow.Id, "submit");
        var verdict = await _harness.OpenTaskAsync(_workflow.Id, "verdict");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(verdict.Id, TestActors.CountyAdmin, new CompleteTask("maybe", null, null)));

        Assert.Equal((WorkflowErrorKind.Invalid, "outcome"), (refused.Kind, refused.Field));
        Assert.Contains("passed", refused.Message);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(verdict.Id)).Status);
    }

    [Fact]
    public async Task ATaskWithoutADueRuleHasNoDueTimeAndNoTimer()
    {
        await _harness.CompleteCurrentStageAsync(_workflow.Id);

        var naming = await _harness.OpenTaskAsync(_workflow.Id, "record-naming");
        Assert.Null(naming.DueAt);
        Assert.DoesNotContain(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == naming.Id);
        Assert.Null((await _harness.EventsAsync<TaskCreated>()).Single(e => e.TaskId == naming.Id).DueAt);
    }
}

[Trait("Category", "Unit")]
public sealed class OutcomesAndDurationRulesTestsOnSqlite() : OutcomesAndDurationRulesTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class OutcomesAndDurationRulesTestsOnPostgres() : OutcomesAndDurationRulesTests(EngineDatabase.Postgres);
