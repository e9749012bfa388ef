using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>领办: claim, release, assign and reassign on 石家乡's "组建创建工作领导小组" (township staff).</summary>
public abstract class TaskAssignmentTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor Colleague = new("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia);
    private static readonly Actor JinlingLeader = new("leader-jinling", TestActors.ShijiaLeader.Roles, TownshipCodes.Jinling);

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

    private async Task<WorkflowException> RefusedAsync(Func<Task> command) => await Assert.ThrowsAsync<WorkflowException>(command);

    [Fact]
    public async Task AStaffMemberClaimingAnOpenTaskBecomesItsAssigneeWithAJournalRowAndAnEvent()
    {
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        var signalsBefore = _harness.OutboxSignal.Count;

        var claimed = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);

        Assert.Equal(TestActors.ShijiaStaff.UserName, claimed.Assignee);
        Assert.Equal(TestActors.ShijiaStaff.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskClaimed);
        Assert.Equal((TestActors.ShijiaStaff.UserName, _harness.Clock.GetUtcNow()), (journal.Actor, journal.At));
        Assert.Equal($"领办任务：组建创建工作领导小组（办理人：无 → {TestActors.ShijiaStaff.UserName}）", journal.Detail);
        var @event = Assert.Single(await _harness.EventsAsync<TaskAssigned>());
        Assert.Equal((_task.Id, _workflow.Id, "石家乡", TestActors.ShijiaStaff.UserName, (string?)null, TestActors.ShijiaStaff.UserName),
            (@event.TaskId, @event.WorkflowId, @event.TownshipName, @event.Assignee, @event.PreviousAssignee, @event.Actor));
        Assert.Equal(signalsBefore + 1, _harness.OutboxSignal.Count);
    }

    [Fact]
    public async Task ClaimingATaskSomeoneElseClaimedIsAConflictThatNamesThem()
    {
        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);

        var refused = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, Colleague));

        Assert.Equal((WorkflowErrorKind.Conflict, $"该任务已由 {TestActors.ShijiaStaff.UserName} 领办。"), (refused.Kind, refused.Message));
        Assert.Equal(TestActors.ShijiaStaff.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
    }

    [Fact]
    public async Task ClaimingOnesOwnTaskAgainChangesNothingAndRaisesNothing()
    {
        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);
        var outbox = (await _harness.OutboxAsync()).Count;

        var again = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);

        Assert.Equal(TestActors.ShijiaStaff.UserName, again.Assignee);
        Assert.Equal(outbox, (await _harness.OutboxAsync()).Count);
        Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskClaimed);
    }

    [Fact]
    public async Task OnlyHoldersOfTheTasksRoleInItsTownshipCanClaimIt()
    {
        var leader = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, TestActors.ShijiaLeader));
        var county = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, TestActors.CountyAdmin));
        var otherTownship = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, TestActors.JinlingStaff));

        Assert.Equal([WorkflowErrorKind.Forbidden, WorkflowErrorKind.Forbidden, WorkflowErrorKind.NotFound], [leader.Kind, county.Kind, otherTownship.Kind]);
        Assert.Null((await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Empty(await _harness.EventsAsync<TaskAssigned>());
    }

    [Fact]
    public async Task CompletingATaskClaimedByAnotherUserIsAConflictWhileTheAssigneeCompletesIt()
    {
        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);

        var refused = await RefusedAsync(() => _harness.CompleteAsync(_task.Id, Colleague));
        var completed = await _harness.CompleteWithEvidenceAsync(_task.Id, TestActors.ShijiaStaff);

        Assert.Equal((WorkflowErrorKind.Conflict, $"该任务已由 {TestActors.ShijiaStaff.UserName} 领办。"), (refused.Kind, refused.Message));
        Assert.Equal((UserTaskStatus.Completed, TestActors.ShijiaStaff.UserName), (completed.Status, completed.CompletedBy));
    }

    [Fact]
    public async Task TheAssigneeOrTheCountyOfficeReleasesAClaimButAColleagueCannot()
    {
        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff);

        var colleague = await RefusedAsync(() => _harness.ReleaseAsync(_task.Id, Colleague));
        var released = await _harness.ReleaseAsync(_task.Id, TestActors.CountyAdmin);

        Assert.Equal(WorkflowErrorKind.Forbidden, colleague.Kind);
        Assert.Null(released.Assignee);
        var @event = (await _harness.EventsAsync<TaskAssigned>())[^1];
        Assert.Equal(((string?)null, TestActors.ShijiaStaff.UserName, TestActors.CountyAdmin.UserName), (@event.Assignee, @event.PreviousAssignee, @event.Actor));
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskReleased
            && j.Detail == $"取消领办：组建创建工作领导小组（办理人：{TestActors.ShijiaStaff.UserName} → 无）");
        // Now anyone of the role may claim it.
        Assert.Equal(Colleague.UserName, (await _harness.ClaimAsync(_task.Id, Colleague)).Assignee);
    }

    [Fact]
    public async Task TheCountyOfficeAssignsAndReassignsAndTheJournalKeepsBeforeAndAfter()
    {
        await _harness.AssignAsync(_task.Id, TestActors.ShijiaStaff, TestActors.CountyAdmin);
        var reassigned = await _harness.AssignAsync(_task.Id, Colleague, TestActors.CountyAdmin);

        Assert.Equal(Colleague.UserName, reassigned.Assignee);
        var journal = (await _harness.JournalAsync(_workflow.Id)).Where(j => j.Kind == JournalKind.TaskAssigned).Select(j => j.Detail);
        Assert.Equal([
            $"指派任务：组建创建工作领导小组（办理人：无 → {TestActors.ShijiaStaff.UserName}）",
            $"改派任务：组建创建工作领导小组（办理人：{TestActors.ShijiaStaff.UserName} → {Colleague.UserName}）"], journal);
        var events = await _harness.EventsAsync<TaskAssigned>();
        Assert.Equal((Colleague.UserName, TestActors.ShijiaStaff.UserName), (events[^1].Assignee, events[^1].PreviousAssignee));
    }

    [Fact]
    public async Task ATownshipLeaderAssignsWithinTheirOwnTownshipOnlyAndStaffCannotAssign()
    {
        var assigned = await _harness.AssignAsync(_task.Id, TestActors.ShijiaStaff, TestActors.ShijiaLeader);
        var otherLeader = await RefusedAsync(() => _harness.AssignAsync(_task.Id, Colleague, JinlingLeader));
        var staff = await RefusedAsync(() => _harness.AssignAsync(_task.Id, Colleague, TestActors.ShijiaStaff));

        Assert.Equal(TestActors.ShijiaStaff.UserName, assigned.Assignee);
        Assert.Equal((WorkflowErrorKind.NotFound, WorkflowErrorKind.Forbidden), (otherLeader.Kind, staff.Kind));
    }

    [Fact]
    public async Task TheAssigneeMustHoldTheTasksRoleInItsTownship()
    {
        var otherTownship = await RefusedAsync(() => _harness.AssignAsync(_task.Id, TestActors.JinlingStaff, TestActors.CountyAdmin));
        var wrongRole = await RefusedAsync(() => _harness.AssignAsync(_task.Id, TestActors.ShijiaLeader, TestActors.CountyAdmin));
        var nobody = await RefusedAsync(() => _harness.AssignAsync(_task.Id, TestActors.ShijiaStaff with { UserName = "  " }, TestActors.CountyAdmin));

        Assert.All([otherTownship, wrongRole, nobody], e => Assert.Equal((WorkflowErrorKind.Invalid, "userName"), (e.Kind, e.Field)));
        Assert.Contains("不属于石家乡", otherTownship.Message);
        Assert.Null((await _harness.TaskAsync(_task.Id)).Assignee);
    }

    [Fact]
    public async Task AssigningOrClaimingACompletedTaskIsAConflict()
    {
        await _harness.CompleteWithEvidenceAsync(_task.Id, TestActors.ShijiaStaff);

        var claim = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, Colleague));
        var assign = await RefusedAsync(() => _harness.AssignAsync(_task.Id, Colleague, TestActors.CountyAdmin));

        Assert.Equal((WorkflowErrorKind.Conflict, WorkflowErrorKind.Conflict), (claim.Kind, assign.Kind));
    }

    [Fact]
    public async Task TwoColleaguesClaimingAtOnceLeaveOneAssigneeAndTheOtherAConflict()
    {
        _harness.Rival.BeforeNextSave(() => _harness.ClaimAsync(_task.Id, Colleague));

        var refused = await RefusedAsync(() => _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal(Colleague.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Single(await _harness.EventsAsync<TaskAssigned>());
    }
}

[Trait("Category", "Unit")]
public sealed class TaskAssignmentTestsOnSqlite() : TaskAssignmentTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TaskAssignmentTestsOnPostgres() : TaskAssignmentTests(EngineDatabase.Postgres);
