using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Operations;

/// <summary>转办 and 委派 on 石家乡's "组建创建工作领导小组" (township staff).</summary>
public abstract class TransferAndDelegationTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor Colleague = new("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia, DisplayName: "李四");
    private static readonly Actor Colleague3 = new("staff-3", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia, DisplayName: "王五");
    private static readonly Actor Staff = TestActors.ShijiaStaff with { DisplayName = "张三" };

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

    private static Task<WorkflowException> RefusedAsync(Func<Task> command) => Assert.ThrowsAsync<WorkflowException>(command);

    [Fact]
    public async Task TheAssigneeTransfersATaskToAnEligibleColleagueWithTheReasonJournaledAndAnEvent()
    {
        await _harness.ClaimAsync(_task.Id, Staff);

        var transferred = await _harness.TransferAsync(_task.Id, Colleague, Staff, "张三外出培训");

        Assert.Equal(Colleague.UserName, transferred.Assignee);
        var task = await _harness.TaskAsync(_task.Id);
        Assert.Equal((Colleague.UserName, "张三外出培训"), (task.Assignee, task.HandoverNote));
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskTransferred);
        Assert.Equal($"转办任务：组建创建工作领导小组（{Staff.UserName} → 李四）；原因：张三外出培训", journal.Detail);
        var @event = Assert.Single(await _harness.EventsAsync<TaskHandedOver>());
        Assert.Equal((TaskOperationNames.Transferred, Colleague.UserName, "李四", "张三", "张三外出培训"),
            (@event.Operation, @event.To, @event.ToName, @event.ActorName, @event.Reason));
        // The new assignee completes it; the one who handed it over no longer can.
        Assert.Equal(WorkflowErrorKind.Conflict, (await RefusedAsync(() => _harness.CompleteAsync(_task.Id, Staff))).Kind);
        Assert.Equal(UserTaskStatus.Completed, (await _harness.CompleteWithEvidenceAsync(_task.Id, Colleague)).Status);
    }

    [Fact]
    public async Task ATransferToSomeoneWithoutTheRoleOrOutsideTheTownshipOrWithoutAReasonIsRefusedNamingTheField()
    {
        await _harness.ClaimAsync(_task.Id, Staff);

        var otherTownship = await RefusedAsync(() => _harness.TransferAsync(_task.Id, TestActors.JinlingStaff, Staff));
        var wrongRole = await RefusedAsync(() => _harness.TransferAsync(_task.Id, TestActors.ShijiaLeader, Staff));
        var noReason = await RefusedAsync(() => _harness.TransferAsync(_task.Id, Colleague, Staff, "  "));
        var self = await RefusedAsync(() => _harness.TransferAsync(_task.Id, Staff, Staff));

        Assert.Equal(new[] { "toUser", "toUser", "reason", "toUser" }, new[] { otherTownship.Field!, wrongRole.Field!, noReason.Field!, self.Field! });
        Assert.Equal("此任务由本乡镇办理，staff-" + TownshipCodes.Jinling + " 不能接收。", otherTownship.Message);
        Assert.Equal(Staff.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Empty(await _harness.EventsAsync<TaskHandedOver>());
    }

    [Fact]
    public async Task AColleagueCannotTransferATaskSomeoneElseHoldsButTheCountyOfficeCanAndAStrangerFindsNothing()
    {
        await _harness.ClaimAsync(_task.Id, Staff);

        var colleague = await RefusedAsync(() => _harness.TransferAsync(_task.Id, Colleague3, Colleague));
        var stranger = await RefusedAsync(() => _harness.TransferAsync(_task.Id, Colleague3, TestActors.JinlingStaff));
        var county = await _harness.TransferAsync(_task.Id, Colleague3, TestActors.CountyAdmin);

        Assert.Equal((WorkflowErrorKind.Forbidden, WorkflowErrorKind.NotFound), (colleague.Kind, stranger.Kind));
        Assert.Equal(Colleague3.UserName, county.Assignee);
    }

    [Fact]
    public async Task TwoTransfersAtOnceLeaveTheTaskWithOneOfThemAndTheLoserIsRefused()
    {
        await _harness.ClaimAsync(_task.Id, Staff);
        _harness.Rival.BeforeNextSave(() => _harness.TransferAsync(_task.Id, Colleague3, Staff));

        var refused = await RefusedAsync(() => _harness.TransferAsync(_task.Id, Colleague, Staff));

        // The rival committed first: the retried transfer finds the task no longer the caller's.
        Assert.Equal(WorkflowErrorKind.Forbidden, refused.Kind);
        Assert.Equal(Colleague3.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Single(await _harness.EventsAsync<TaskHandedOver>());
    }

    [Fact]
    public async Task ADelegateWorksTheTaskResolvesItAndTheOwnerConfirmsByCompletingIt()
    {
        var delegated = await _harness.DelegateAsync(_task.Id, Colleague, Staff, "请代为整理名单");
        var pending = await _harness.TaskAsync(_task.Id);
        Assert.Equal((Colleague.UserName, Staff.UserName, DelegationState.Pending), (delegated.Assignee, pending.Owner, pending.Delegation));

        // The delegate uploads the evidence but cannot complete the workflow step; neither can the owner meanwhile.
        await _harness.UploadRequiredEvidenceAsync(_task.Id, Colleague);
        var delegateCompletes = await RefusedAsync(() => _harness.CompleteAsync(_task.Id, Colleague));
        var ownerCompletes = await RefusedAsync(() => _harness.CompleteAsync(_task.Id, Staff));
        var ownerResolves = await RefusedAsync(() => _harness.ResolveAsync(_task.Id, Staff));
        Assert.Equal((WorkflowErrorKind.Conflict, WorkflowErrorKind.Conflict, WorkflowErrorKind.Forbidden),
            (delegateCompletes.Kind, ownerCompletes.Kind, ownerResolves.Kind));
        Assert.Equal("该任务正在委派办理中：受托人办理后退回委托人，由委托人确认办结。", delegateCompletes.Message);

        var resolved = await _harness.ResolveAsync(_task.Id, Colleague, "名单已整理");
        var back = await _harness.TaskAsync(_task.Id);
        Assert.Equal((Staff.UserName, DelegationState.Resolved, "名单已整理"), (resolved.Assignee, back.Delegation, back.HandoverNote));
        var completed = await _harness.CompleteAsync(_task.Id, Staff);

        Assert.Equal((UserTaskStatus.Completed, Staff.UserName), (completed.Status, completed.CompletedBy));
        Assert.Equal([JournalKind.TaskDelegated, JournalKind.DelegationResolved, JournalKind.TaskCompleted],
            (await _harness.JournalAsync(_workflow.Id)).Where(j => j.Kind is JournalKind.TaskDelegated or JournalKind.DelegationResolved
                || (j.Kind == JournalKind.TaskCompleted && j.Detail.Contains("领导小组"))).Select(j => j.Kind));
        Assert.Equal([TaskOperationNames.Delegated, TaskOperationNames.DelegationResolved],
            (await _harness.EventsAsync<TaskHandedOver>()).Select(e => e.Operation));
    }

    [Fact]
    public async Task TheOperationsListedForATaskFollowWhoHoldsItAndTheDelegation()
    {
        var open = await _harness.OperationsAsync(_task.Id, Staff);
        var leader = await _harness.OperationsAsync(_task.Id, TestActors.ShijiaLeader);
        await _harness.DelegateAsync(_task.Id, Colleague, Staff);
        var ownerWhileDelegated = await _harness.OperationsAsync(_task.Id, Staff);
        var delegateWhileDelegated = await _harness.OperationsAsync(_task.Id, Colleague);

        Assert.Equal(["claim", "complete", "transfer", "delegate", "copy"], open.Allowed);
        Assert.Equal(["assign"], leader.Allowed);
        Assert.Equal(["copy"], ownerWhileDelegated.Allowed);
        Assert.Equal(["resolve", "copy"], delegateWhileDelegated.Allowed);
        Assert.Equal((Staff.UserName, DelegationState.Pending), (delegateWhileDelegated.Owner, delegateWhileDelegated.Delegation));
    }
}

[Trait("Category", "Unit")]
public sealed class TransferAndDelegationTestsOnSqlite() : TransferAndDelegationTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TransferAndDelegationTestsOnPostgres() : TransferAndDelegationTests(EngineDatabase.Postgres);
