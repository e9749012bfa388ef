using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Supervision;

/// <summary>
/// The escalation chain of the built-in templates (issue 13 item 4, ADR 0037 addendum) on 石家乡's municipal workflow of
/// 2022: its publicity tasks are due on 31 January 2022 at 23:59:59 China time, the first day of the Spring Festival
/// holiday (31 January – 6 February), so the working days after it start on Monday 7 February.
/// </summary>
public abstract class EscalationChainTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset DueAt = new(2022, 1, 31, 15, 59, 59, TimeSpan.Zero);
    // 7, 8, 9 February: the third working day after the due day.
    private static readonly DateTimeOffset CountyAt = new(2022, 2, 9, 15, 59, 59, TimeSpan.Zero);
    // 7–11 and 14–18 February: the tenth.
    private static readonly DateTimeOffset OfficeAt = new(2022, 2, 18, 15, 59, 59, TimeSpan.Zero);
    private static readonly AlertKind[] Steps = [AlertKind.EscalatedToTownship, AlertKind.EscalatedToCounty, AlertKind.EscalatedToOffice];

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _task = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<List<TaskAlert>> StepsRaisedAsync() =>
        [.. (await _harness.AlertsAsync()).Where(a => a.TaskId == _task.Id && Steps.Contains(a.Kind)).OrderBy(a => a.Kind)];

    private async Task<List<TaskAlertRaised>> StepEventsAsync() =>
        [.. (await _harness.EventsAsync<TaskAlertRaised>()).Where(e => e.TaskId == _task.Id && Steps.Contains(e.Kind))];

    private async Task<List<WorkflowTimer>> StepTimersAsync() =>
        [.. (await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == _task.Id
            && t.Kind is TimerKind.EscalateToTownship or TimerKind.EscalateToCounty or TimerKind.EscalateToOffice).OrderBy(t => t.DueAt)];

    [Fact]
    public async Task ATaskNotYetDueCarriesNoEscalationTimers()
    {
        _harness.Clock.SetUtcNow(DueAt.AddSeconds(-1));
        await _harness.FireDueAsync();

        Assert.Empty(await StepTimersAsync());
        Assert.Empty(await StepsRaisedAsync());
    }

    [Fact]
    public async Task WhenTheDeadlinePassesTheThreeStepsFallOnTheDueTimeAndThreeAndTenWorkingDaysAfterItOnTheStatutoryCalendar()
    {
        _harness.Clock.SetUtcNow(DueAt);
        await _harness.FireDueAsync();

        var timers = await StepTimersAsync();

        Assert.Equal([(TimerKind.EscalateToTownship, DueAt, (DateTimeOffset?)DueAt), (TimerKind.EscalateToCounty, CountyAt, null),
            (TimerKind.EscalateToOffice, OfficeAt, null)], timers.Select(t => (t.Kind, t.DueAt, t.FiredAt)));
    }

    [Fact]
    public async Task ATaskDoneInTimeCancelsOnlyItsDeadlineAndItsYellowWarning()
    {
        _harness.Clock.SetUtcNow(DueAt.AddDays(-1));

        await _harness.CompleteWithEvidenceAsync(_task.Id, TestActors.ShijiaStaff);

        var cancelled = (await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == _task.Id).OrderBy(t => t.DueAt).ToList();
        Assert.Equal([TimerKind.TaskWarning, TimerKind.TaskDue], cancelled.Select(t => t.Kind));
        Assert.All(cancelled, t => Assert.Equal(DueAt.AddDays(-1), t.CancelledAt));
    }

    [Fact]
    public async Task EachStepFiresAtItsOwnTimeAndNotBefore()
    {
        _harness.Clock.SetUtcNow(CountyAt.AddSeconds(-1));
        await _harness.FireDueAsync();
        var beforeCounty = (await StepsRaisedAsync()).Select(a => a.Kind).ToList();
        _harness.Clock.SetUtcNow(CountyAt);
        await _harness.FireDueAsync();

        Assert.Equal([AlertKind.EscalatedToTownship], beforeCounty);
        Assert.Equal([AlertKind.EscalatedToTownship, AlertKind.EscalatedToCounty], (await StepsRaisedAsync()).Select(a => a.Kind));
    }

    [Fact]
    public async Task MovingTheClockPastAllThreeStepsAtOnceRaisesThreeAlertsAndThreeEventsAndNoMore()
    {
        _harness.Clock.SetUtcNow(OfficeAt.AddDays(30));
        await _harness.FireDueAsync();
        var again = await _harness.FireDueAsync();
        var refired = new List<bool>();
        foreach (var timer in await StepTimersAsync()) refired.Add(await _harness.FireAsync(timer.Id));

        var alerts = await StepsRaisedAsync();
        Assert.Equal(Steps, alerts.Select(a => a.Kind));
        Assert.All(alerts, a => Assert.Equal((AlertLevel.Red, (DateTimeOffset?)null), (a.Level, a.ResolvedAt)));
        Assert.Equal(3, (await StepEventsAsync()).Count);
        Assert.Equal(0, again);
        Assert.All(refired, Assert.False);
        Assert.All(await StepTimersAsync(), t => Assert.NotNull(t.FiredAt));
        Assert.Equal(3, (await _harness.JournalAsync(_workflow.Id)).Count(j => j.Detail.StartsWith("逾期升级督办", StringComparison.Ordinal) && j.Detail.EndsWith(_task.Title, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TwoFiringsOfOneStepRacingRaiseOneAlertAndOneEvent()
    {
        _harness.Clock.SetUtcNow(DueAt);
        await _harness.FireDueAsync();
        var county = (await StepTimersAsync()).Single(t => t.Kind == TimerKind.EscalateToCounty);
        _harness.Clock.SetUtcNow(CountyAt.AddHours(1));
        var rivalFired = false;
        _harness.Rival.BeforeNextSave(async () => rivalFired = await _harness.FireAsync(county.Id));

        var fired = await _harness.FireAsync(county.Id);

        // Exactly one wins: on SQLite the rival commits first; on PostgreSQL the first firing holds the timer's row locked
        // (FOR UPDATE SKIP LOCKED, ADR 0041), so the rival skips it and the first one commits.
        Assert.True(rivalFired ^ fired);
        Assert.Single(await StepsRaisedAsync(), a => a.Kind == AlertKind.EscalatedToCounty);
        Assert.Single(await StepEventsAsync(), e => e.Kind == AlertKind.EscalatedToCounty);
    }

    [Fact]
    public async Task CompletingTheTaskResolvesTheStepsRaisedAndNoLaterStepFires()
    {
        _harness.Clock.SetUtcNow(DueAt.AddHours(1));
        await _harness.FireDueAsync();

        await _harness.CompleteWithEvidenceAsync(_task.Id, TestActors.ShijiaStaff);
        _harness.Clock.SetUtcNow(OfficeAt.AddDays(30));
        await _harness.FireDueAsync();

        var township = Assert.Single(await StepsRaisedAsync());
        Assert.Equal((AlertKind.EscalatedToTownship, AlertResolution.TaskCompleted), (township.Kind, township.Resolution));
        Assert.Single(await StepEventsAsync());
        Assert.All((await StepTimersAsync()).Skip(1), t => Assert.Equal((null, DueAt.AddHours(1)), (t.FiredAt, t.CancelledAt)));
    }

    [Fact]
    public async Task CancellingTheWorkflowResolvesTheStepsRaisedAndNoLaterStepFires()
    {
        _harness.Clock.SetUtcNow(CountyAt.AddHours(1));
        await _harness.FireDueAsync();

        await _harness.InScopeAsync<WorkflowControl, Shizhu.Workflows.Runtime.Queries.WorkflowSummary>(c =>
            c.CancelAsync(_workflow.Id, new CancelWorkflow("撤并"), TestActors.CountyAdmin, null, CancellationToken.None));
        _harness.Clock.SetUtcNow(OfficeAt.AddDays(30));
        await _harness.FireDueAsync();

        var alerts = await StepsRaisedAsync();
        Assert.Equal([AlertKind.EscalatedToTownship, AlertKind.EscalatedToCounty], alerts.Select(a => a.Kind));
        Assert.All(alerts, a => Assert.Equal(AlertResolution.WorkflowCancelled, a.Resolution));
        Assert.Equal(2, (await StepEventsAsync()).Count);
    }

    [Fact]
    public async Task ExtendingTheDeadlineResolvesTheStepsRaisedAndStartsTheChainAgainFromTheNewDueTime()
    {
        _harness.Clock.SetUtcNow(CountyAt.AddHours(1));
        await _harness.FireDueAsync();
        // Monday 28 February 2022: the old chain's office step (18 February) must not fire before it.
        var newDue = new DateTimeOffset(2022, 2, 28, 15, 59, 59, TimeSpan.Zero);

        await _harness.InScopeAsync<DeadlineExtension, DeadlineExtensionView>(e =>
            e.ExtendAsync(_task.Id, new ExtendDeadline(newDue, "春节假期顺延"), TestActors.CountyAdmin, null, CancellationToken.None));
        _harness.Clock.SetUtcNow(newDue.AddSeconds(-1));
        await _harness.FireDueAsync();
        var beforeNewDue = await StepsRaisedAsync();
        _harness.Clock.SetUtcNow(newDue);
        await _harness.FireDueAsync();

        Assert.Equal(2, beforeNewDue.Count);
        Assert.All(beforeNewDue, a => Assert.Equal(AlertResolution.DeadlineExtended, a.Resolution));
        var open = (await StepsRaisedAsync()).Where(a => a.ResolvedAt == null).ToList();
        Assert.Equal((AlertKind.EscalatedToTownship, newDue), (Assert.Single(open).Kind, open[0].DueAt!.Value));
        var pending = (await StepTimersAsync()).Where(t => t.FiredAt == null && t.CancelledAt == null).Select(t => (t.Kind, t.DueAt));
        // 1–3 March and 1–4, 7–11, 14 March: the third and the tenth working day after Monday 28 February.
        Assert.Equal([(TimerKind.EscalateToCounty, new DateTimeOffset(2022, 3, 3, 15, 59, 59, TimeSpan.Zero)),
            (TimerKind.EscalateToOffice, new DateTimeOffset(2022, 3, 14, 15, 59, 59, TimeSpan.Zero))], pending);
    }

    [Fact]
    public async Task ATemplateWithAnEmptyChainSetsNoEscalationTimersWhenItsDeadlinesPass()
    {
        var template = await _harness.TemplateOfAsync(_workflow.Id) with { Escalation = [] };

        var workflow = await _harness.StartOnAsync(template, townshipCode: TownshipCodes.Huangshui);
        _harness.Clock.SetUtcNow(OfficeAt.AddDays(30));
        await _harness.FireDueAsync();

        Assert.Contains((await _harness.AlertsAsync()).Where(a => a.WorkflowId == workflow.Id), a => a.Kind == AlertKind.Overdue);
        Assert.DoesNotContain((await _harness.AlertsAsync()).Where(a => a.WorkflowId == workflow.Id), a => Steps.Contains(a.Kind));
        Assert.DoesNotContain(await _harness.TimersAsync(workflow.Id),
            t => t.Kind is TimerKind.EscalateToTownship or TimerKind.EscalateToCounty or TimerKind.EscalateToOffice);
    }
}

[Trait("Category", "Unit")]
public sealed class EscalationChainTestsOnSqlite() : EscalationChainTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class EscalationChainTestsOnPostgres() : EscalationChainTests(EngineDatabase.Postgres);
