using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Townships;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Supervision;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Supervision;

/// <summary>
/// 石家乡's municipal workflow of 2022: its two publicity tasks are due on 31 January 2022 at 23:59:59 China time, the
/// first day of the Spring Festival holiday, whose make-up working days are Saturday 29 and Sunday 30 January.
/// </summary>
public abstract class SupervisionTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset DueAt = new(2022, 1, 31, 15, 59, 59, TimeSpan.Zero);
    // Three working days back from the 31st: Sunday 30 and Saturday 29 (make-up working days), then Friday 28.
    private static readonly DateTimeOffset YellowAt = new(2022, 1, 28, 15, 59, 59, TimeSpan.Zero);
    private static readonly Actor Supervisor = new("supervisor-zhao", new HashSet<string> { Roles.CountySupervisor }, null, DisplayName: "县政府督查办");

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

    private async Task<List<TaskAlert>> AlertsOfAsync(WorkflowTask task) => [.. (await _harness.AlertsAsync()).Where(a => a.TaskId == task.Id)];

    private Task<DeadlineExtensionView> ExtendAsync(WorkflowTask task, DateTimeOffset dueAt, Actor? actor = null, string? key = null) =>
        _harness.InScopeAsync<DeadlineExtension, DeadlineExtensionView>(e =>
            e.ExtendAsync(task.Id, new ExtendDeadline(dueAt, "春节假期顺延"), actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    private Task<UrgeView> UrgeTaskAsync(WorkflowTask task, Actor actor, string message = "请抓紧成立领导小组") =>
        _harness.InScopeAsync<TaskUrging, UrgeView>(u => u.UrgeAsync(task.Id, new UrgeTask(message), actor, null, CancellationToken.None));

    private Task<UrgeView> UrgeTownshipAsync(Actor actor) =>
        _harness.InScopeAsync<TownshipUrging, UrgeView>(u => u.UrgeAsync(TownshipCodes.Shijia, new UrgeTownship("请加快创建进度"), actor, null, CancellationToken.None));

    [Fact]
    public async Task TheYellowWarningFallsThreeWorkingDaysBeforeTheDueTimeCountingTheSpringFestivalMakeUpDays()
    {
        var warning = Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == _leadingGroup.Id && t.Kind == TimerKind.TaskWarning);
        Assert.Equal(YellowAt, warning.DueAt);

        _harness.Clock.SetUtcNow(YellowAt.AddSeconds(-1));
        await _harness.FireDueAsync();
        Assert.Empty(await _harness.AlertsAsync());

        _harness.Clock.SetUtcNow(YellowAt);
        Assert.Equal(2, await _harness.FireDueAsync());
        Assert.Equal(0, await _harness.FireDueAsync());
        Assert.False(await _harness.FireAsync(warning.Id));

        var yellow = Assert.Single(await AlertsOfAsync(_leadingGroup));
        Assert.Equal((AlertKind.DueSoon, AlertLevel.Yellow, DueAt, (DateTimeOffset?)null), (yellow.Kind, yellow.Level, yellow.DueAt!.Value, yellow.ResolvedAt));
        Assert.Contains(await _harness.EventsAsync<TaskAlertRaised>(), e => e.TaskId == _leadingGroup.Id && e.Kind == AlertKind.DueSoon);
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskAlertRaised && j.Detail.StartsWith("黄色预警", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompletingAWarnedTaskResolvesItsYellowAndRedWarningsAndKeepsThemInHistory()
    {
        _harness.Clock.SetUtcNow(YellowAt);
        await _harness.FireDueAsync();
        _harness.Clock.SetUtcNow(DueAt.AddHours(1));
        await _harness.FireDueAsync();
        // Yellow, red and the escalation chain's first step (to the township leader).
        Assert.Equal(3, (await AlertsOfAsync(_leadingGroup)).Count);

        await _harness.CompleteWithEvidenceAsync(_leadingGroup.Id, TestActors.ShijiaStaff);

        Assert.All(await AlertsOfAsync(_leadingGroup), a => Assert.Equal((AlertResolution.TaskCompleted, DueAt.AddHours(1)), (a.Resolution!.Value, a.ResolvedAt!.Value)));
        Assert.All(await AlertsOfAsync(_workPlan), a => Assert.Null(a.ResolvedAt));
    }

    [Fact]
    public async Task CancellingTheWorkflowResolvesEveryOpenAlertWithTheReasonWorkflowCancelled()
    {
        _harness.Clock.SetUtcNow(DueAt.AddHours(1));
        await _harness.FireDueAsync();

        await _harness.InScopeAsync<WorkflowControl, Shizhu.Workflows.Runtime.Queries.WorkflowSummary>(c =>
            c.CancelAsync(_workflow.Id, new CancelWorkflow("撤并"), TestActors.CountyAdmin, null, CancellationToken.None));

        var alerts = await _harness.AlertsAsync();
        // Past the due time the yellow warning is not raised any more: the red one says it all, and the escalation
        // chain's first step told the township leader (one of each per task).
        Assert.Equal(4, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertResolution.WorkflowCancelled, a.Resolution));
    }

    [Fact]
    public async Task ExtendingTheDeadlineResolvesItsWarningsMovesItsTimersAndLetsTheNewDueTimeWarnAgain()
    {
        _harness.Clock.SetUtcNow(DueAt.AddDays(1));
        await _harness.FireDueAsync();
        var newDue = new DateTimeOffset(2022, 2, 28, 15, 59, 59, TimeSpan.Zero);

        var view = await ExtendAsync(_leadingGroup, newDue, key: "extend-1");
        var again = await ExtendAsync(_leadingGroup, newDue, key: "extend-1");

        // The red warning and the escalation chain's first step.
        Assert.Equal((DueAt, newDue, 2), (view.PreviousDueAt!.Value, view.DueAt, view.ResolvedAlerts));
        Assert.Equal(view, again);
        var task = await _harness.TaskAsync(_leadingGroup.Id);
        Assert.Equal((newDue, false), (task.DueAt!.Value, task.Overdue));
        Assert.All(await AlertsOfAsync(_leadingGroup), a => Assert.Equal(AlertResolution.DeadlineExtended, a.Resolution));
        // The escalation chain's new timers are EscalationChainTests' subject.
        var pending = (await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == _leadingGroup.Id && t.FiredAt == null && t.CancelledAt == null
            && t.Kind is TimerKind.TaskDue or TimerKind.TaskWarning).ToList();
        // 28 February 2022 is a Monday: three working days back is Wednesday 23 February.
        Assert.Equal([(TimerKind.TaskDue, newDue), (TimerKind.TaskWarning, new DateTimeOffset(2022, 2, 23, 15, 59, 59, TimeSpan.Zero))],
            pending.OrderBy(t => t.Kind).Select(t => (t.Kind, t.DueAt)));
        Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskDeadlineExtended);

        _harness.Clock.SetUtcNow(new DateTimeOffset(2022, 2, 23, 15, 59, 59, TimeSpan.Zero));
        await _harness.FireDueAsync();
        _harness.Clock.SetUtcNow(newDue.AddSeconds(1));
        await _harness.FireDueAsync();
        var open = (await AlertsOfAsync(_leadingGroup)).Where(a => a.ResolvedAt == null).Select(a => a.Kind).Order().ToList();
        Assert.Equal([AlertKind.Overdue, AlertKind.DueSoon, AlertKind.EscalatedToTownship], open);
        Assert.True((await _harness.TaskAsync(_leadingGroup.Id)).Overdue);
    }

    [Fact]
    public async Task OnlyTheCountyOfficeExtendsADeadlineAndOnlyToALaterTimeWithAReason()
    {
        var later = DueAt.AddDays(7);
        var forbidden = await Assert.ThrowsAsync<WorkflowException>(() => ExtendAsync(_leadingGroup, later, TestActors.CountyLeader));
        var past = await Assert.ThrowsAsync<WorkflowException>(() => ExtendAsync(_leadingGroup, EngineHarness.January2022.AddDays(-1)));
        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => _harness.InScopeAsync<DeadlineExtension, DeadlineExtensionView>(e =>
            e.ExtendAsync(_leadingGroup.Id, new ExtendDeadline(later, " "), TestActors.CountyAdmin, null, CancellationToken.None)));

        Assert.Equal(WorkflowErrorKind.Forbidden, forbidden.Kind);
        Assert.Equal((WorkflowErrorKind.Invalid, "dueAt"), (past.Kind, past.Field));
        Assert.Equal((WorkflowErrorKind.Invalid, "reason"), (noReason.Kind, noReason.Field));
        Assert.Equal(DueAt, (await _harness.TaskAsync(_leadingGroup.Id)).DueAt);
    }

    [Fact]
    public async Task ASecondUrgeOfATaskWithinOneWorkingDayIsRefusedWithTheTimeOfTheNextAllowedOne()
    {
        var first = await UrgeTaskAsync(_leadingGroup, TestActors.CountyLeader);
        _harness.Clock.Advance(TimeSpan.FromHours(3));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => UrgeTaskAsync(_leadingGroup, Supervisor));

        // Wednesday 5 January 2022 09:00 China time: the next working day is Thursday the 6th at the same time.
        Assert.Equal(new DateTimeOffset(2022, 1, 6, 1, 0, 0, TimeSpan.Zero), first.NextAllowedAt);
        Assert.Equal((WorkflowErrorKind.TooSoon, first.NextAllowedAt), (refused.Kind, refused.RetryAt));
        // Another task of the township is not held back by this one's gap.
        await UrgeTaskAsync(_workPlan, Supervisor);

        _harness.Clock.SetUtcNow(first.NextAllowedAt);
        var second = await UrgeTaskAsync(_leadingGroup, Supervisor, "再次催办");

        Assert.Equal(("supervisor-zhao", "县政府督查办"), (second.UrgedBy, second.UrgedByName));
        Assert.Equal(2, (await _harness.JournalAsync(_workflow.Id)).Count(j => j.Kind == JournalKind.TaskUrged && j.Detail.Contains(_leadingGroup.Title, StringComparison.Ordinal)));
        var events = await _harness.EventsAsync<TaskUrged>();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(("石家乡", TownshipCodes.Shijia), (e.TownshipName, e.TownshipCode)));
    }

    [Fact]
    public async Task ATownshipUrgeIsJournaledCountedAndHeldToTheGapAndTownshipUsersCannotUrge()
    {
        await UrgeTaskAsync(_leadingGroup, TestActors.CountyAdmin);
        var urge = await UrgeTownshipAsync(TestActors.CountyLeader);
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => UrgeTownshipAsync(Supervisor));
        var township = await Assert.ThrowsAsync<WorkflowException>(() => UrgeTaskAsync(_leadingGroup, TestActors.ShijiaLeader));

        Assert.Equal(_workflow.Id, urge.WorkflowId);
        Assert.Equal(WorkflowErrorKind.TooSoon, refused.Kind);
        Assert.Equal(WorkflowErrorKind.Forbidden, township.Kind);
        var urged = Assert.Single(await _harness.EventsAsync<TownshipUrged>());
        Assert.Equal((2, 0, "请加快创建进度"), (urged.OpenTasks, urged.OverdueTasks, urged.Message));
        Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TownshipUrged);
        var counts = await _harness.InScopeAsync<SupervisionQueries, IReadOnlyList<TownshipUrgeCount>>(q => q.UrgeCountsAsync(Supervisor, null, null, CancellationToken.None));
        Assert.Equal(new TownshipUrgeCount(TownshipCodes.Shijia, "石家乡", 1, 1), Assert.Single(counts));
    }

    [Fact]
    public async Task TheSupervisionOfficeReadsEveryTownshipsAlertsButCannotClaimOrCompleteTownshipWork()
    {
        _harness.Clock.SetUtcNow(DueAt.AddHours(1));
        await _harness.FireDueAsync();

        var alerts = await _harness.InScopeAsync<SupervisionQueries, IReadOnlyList<SupervisedAlertView>>(q =>
            q.AlertsAsync(Supervisor, new AlertFilter(TownshipCodes.Shijia, AlertLevel.Red, State: AlertState.Open), CancellationToken.None));
        var claim = await Assert.ThrowsAsync<WorkflowException>(() => _harness.InScopeAsync<TaskAssignment, Shizhu.Workflows.Runtime.Queries.TaskView>(a =>
            a.ClaimAsync(_leadingGroup.Id, Supervisor, null, CancellationToken.None)));
        var complete = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(_leadingGroup.Id, Supervisor));

        // Each task's red warning and the escalation chain's first step.
        Assert.Equal([AlertKind.Overdue, AlertKind.Overdue, AlertKind.EscalatedToTownship, AlertKind.EscalatedToTownship], alerts.Select(a => a.Kind).Order());
        Assert.All(alerts, a => Assert.Equal("石家乡", a.TownshipName));
        Assert.Equal((WorkflowErrorKind.Forbidden, WorkflowErrorKind.Forbidden), (claim.Kind, complete.Kind));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(_leadingGroup.Id)).Status);
    }

    [Fact]
    public async Task ATownshipWithOpenRedWarningsGetsAYellowCardAndARedCardWhenTheOldestIsTenWorkingDaysOldOnTheStatutoryCalendar()
    {
        _harness.Clock.SetUtcNow(DueAt.AddHours(1));
        await _harness.FireDueAsync();
        var cardNow = await CardAsync();
        // Raised on 1 February (China); the holiday runs to the 6th, so the tenth working day after it is Friday 18 February.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2022, 2, 17, 1, 0, 0, TimeSpan.Zero));
        var cardBefore = await CardAsync();
        _harness.Clock.SetUtcNow(new DateTimeOffset(2022, 2, 18, 1, 0, 0, TimeSpan.Zero));
        var cardAfter = await CardAsync();

        Assert.Equal((TownshipCard.Yellow, 2, 0, 0), (cardNow.Card, cardNow.OpenRedWarnings, cardNow.OpenYellowWarnings, cardNow.OldestRedWorkingDays));
        Assert.Equal((TownshipCard.Yellow, 9), (cardBefore.Card, cardBefore.OldestRedWorkingDays));
        Assert.Equal((TownshipCard.Red, 10), (cardAfter.Card, cardAfter.OldestRedWorkingDays));
    }

    private async Task<TownshipCardView> CardAsync() =>
        Assert.Single(await _harness.InScopeAsync<SupervisionQueries, IReadOnlyList<TownshipCardView>>(q => q.CardsAsync(TestActors.CountyLeader, CancellationToken.None)));
}

[Trait("Category", "Unit")]
public sealed class SupervisionTestsOnSqlite() : SupervisionTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class SupervisionTestsOnPostgres() : SupervisionTests(EngineDatabase.Postgres);
