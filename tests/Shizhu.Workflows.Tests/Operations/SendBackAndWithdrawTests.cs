using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Operations;

/// <summary>
/// 退回 and 撤回 on 石家乡's municipal creation: 召开动员大会 → 签订目标责任书 runs on one token; 组建领导小组 and 制定工作方案
/// run in parallel before them; 提交创建申请 → 县爱卫办确认创建申请 crosses from the township to the county office.
/// </summary>
public abstract class SendBackAndWithdrawTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor Staff = TestActors.ShijiaStaff with { DisplayName = "张三" };
    private static readonly Actor Colleague = new("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia, DisplayName: "李四");

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await _harness.CompleteAsync(_workflow.Id, "leading-group");
        await _harness.CompleteAsync(_workflow.Id, "work-plan");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Task<WorkflowException> RefusedAsync(Func<Task> command) => Assert.ThrowsAsync<WorkflowException>(command);

    private async Task<WorkflowTask> MeetingDoneByStaffAsync()
    {
        var meeting = await _harness.OpenTaskAsync(_workflow.Id, "mobilisation-meeting");
        await _harness.CompleteWithEvidenceAsync(meeting.Id, Staff);
        return meeting;
    }

    private async Task<WorkflowTask> ApplicationSubmittedByStaffAsync()
    {
        await _harness.CompleteAsync(_workflow.Id, "mobilisation-meeting");
        await _harness.CompleteAsync(_workflow.Id, "responsibility-letters");
        var submit = await _harness.OpenTaskAsync(_workflow.Id, "submit-application");
        await _harness.CompleteWithEvidenceAsync(submit.Id, Staff);
        return submit;
    }

    [Fact]
    public async Task SendingBackCancelsTheTaskAndOpensAFreshOneAtTheEarlierTaskForWhoeverCompletedItWithTheReason()
    {
        var meeting = await MeetingDoneByStaffAsync();
        var letters = await _harness.OpenTaskAsync(_workflow.Id, "responsibility-letters");
        var timersBefore = (await _harness.TimersAsync(_workflow.Id)).Count(t => t.TaskId == letters.Id && t.CancelledAt == null);

        var fresh = await _harness.SendBackAsync(letters.Id, "mobilisation-meeting", Colleague, "会议纪要缺少签到表");

        Assert.NotEqual(meeting.Id, fresh.Id);
        var reopened = await _harness.TaskAsync(fresh.Id);
        Assert.Equal(("mobilisation-meeting", UserTaskStatus.Open, Staff.UserName, "会议纪要缺少签到表"),
            (reopened.ElementId, reopened.Status, reopened.Assignee, reopened.HandoverNote));
        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(letters.Id)).Status);
        Assert.True(timersBefore > 0);
        Assert.All((await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == letters.Id), t => Assert.NotNull(t.CancelledAt));
        var token = Assert.Single(await _harness.TokensAsync(_workflow.Id), t => t.Id == letters.TokenId);
        Assert.Equal("mobilisation-meeting", token.ElementId);
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskSentBack);
        Assert.Equal($"退回任务：{letters.Title} → {meeting.Title}；原因：会议纪要缺少签到表", journal.Detail);
        var handed = Assert.Single(await _harness.EventsAsync<TaskHandedOver>());
        Assert.Equal((TaskOperationNames.SentBack, fresh.Id, Staff.UserName), (handed.Operation, handed.TaskId, handed.To));
        Assert.Contains(await _harness.EventsAsync<TaskCancelled>(), e => e.TaskId == letters.Id);
        // Redone, the token goes on to a new 签订目标责任书.
        await _harness.CompleteWithEvidenceAsync(fresh.Id, Staff);
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "responsibility-letters")).Status);
    }

    [Fact]
    public async Task SendingBackOverAParallelJoinOrToATaskNotCompletedOnThePathIsRefusedNamingTheTarget()
    {
        var meeting = await _harness.OpenTaskAsync(_workflow.Id, "mobilisation-meeting");

        var overJoin = await RefusedAsync(() => _harness.SendBackAsync(meeting.Id, "leading-group", Staff));
        var later = await RefusedAsync(() => _harness.SendBackAsync(meeting.Id, "submit-application", Staff));
        var unknown = await RefusedAsync(() => _harness.SendBackAsync(meeting.Id, "no-such-task", Staff));
        var noReason = await RefusedAsync(() => _harness.SendBackAsync(meeting.Id, "leading-group", Staff, ""));

        Assert.Equal(new[] { "toElementId", "toElementId", "toElementId", "reason" }, new[] { overJoin.Field!, later.Field!, unknown.Field!, noReason.Field! });
        Assert.Equal("目标任务与当前任务之间有并行分支，不能退回或撤回（请由县爱卫办处理）。", overJoin.Message);
        Assert.Equal("目标任务不在当前任务之前的流程上。", later.Message);
        Assert.Empty((await _harness.OperationsAsync(meeting.Id, Staff)).SendBackTargets);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(meeting.Id)).Status);
    }

    [Fact]
    public async Task TheCountyOfficeSendsAnApplicationBackToTheTownshipAndOnlyThoseWhoMayWorkOnATaskSendItBack()
    {
        await ApplicationSubmittedByStaffAsync();
        var confirm = await _harness.OpenTaskAsync(_workflow.Id, "confirm-application");

        var targets = (await _harness.OperationsAsync(confirm.Id, TestActors.CountyAdmin)).SendBackTargets;
        var leader = await RefusedAsync(() => _harness.SendBackAsync(confirm.Id, "submit-application", TestActors.CountyLeader));
        var township = await RefusedAsync(() => _harness.SendBackAsync(confirm.Id, "submit-application", Staff));
        var fresh = await _harness.SendBackAsync(confirm.Id, "submit-application", TestActors.CountyAdmin, "申请表未盖章");

        Assert.Equal(("submit-application", Staff.UserName), (targets[0].ElementId, targets[0].CompletedBy));
        Assert.Equal((WorkflowErrorKind.Forbidden, WorkflowErrorKind.Forbidden), (leader.Kind, township.Kind));
        Assert.Equal((Staff.UserName, "申请表未盖章"), (fresh.Assignee, (await _harness.TaskAsync(fresh.Id)).HandoverNote));
    }

    [Fact]
    public async Task TheCompleterWithdrawsWhileTheNextTaskIsUntouchedAndTheTaskOpensAgainForThem()
    {
        var submit = await ApplicationSubmittedByStaffAsync();
        var confirm = await _harness.OpenTaskAsync(_workflow.Id, "confirm-application");
        Assert.Contains("withdraw", (await _harness.OperationsAsync(submit.Id, Staff)).Allowed);

        var reopened = await _harness.WithdrawAsync(submit.Id, Staff, "附件传错了");

        Assert.Equal((submit.Id, UserTaskStatus.Open, Staff.UserName), (reopened.Id, reopened.Status, reopened.Assignee));
        var row = await _harness.TaskAsync(submit.Id);
        Assert.Equal(((string?)null, (string?)null, "附件传错了"), (row.CompletedBy, row.Outcome, row.HandoverNote));
        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(confirm.Id)).Status);
        Assert.Contains(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == submit.Id && t.CancelledAt == null && t.FiredAt == null);
        Assert.Equal("submit-application", Assert.Single(await _harness.TokensAsync(_workflow.Id), t => t.Id == submit.TokenId).ElementId);
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskWithdrawn);
        Assert.Equal($"撤回办结：{submit.Title}（撤销后续任务“{confirm.Title}”）；原因：附件传错了", journal.Detail);
        // Completed again, the workflow moves on as before.
        await _harness.CompleteWithEvidenceAsync(submit.Id, Staff);
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "confirm-application")).Status);
    }

    [Fact]
    public async Task WithdrawingIsRefusedOnceTheNextTaskIsClaimedAndToAnyoneButTheCompleter()
    {
        var submit = await ApplicationSubmittedByStaffAsync();
        var confirm = await _harness.OpenTaskAsync(_workflow.Id, "confirm-application");

        var colleague = await RefusedAsync(() => _harness.WithdrawAsync(submit.Id, Colleague));
        await _harness.ClaimAsync(confirm.Id, TestActors.CountyAdmin);
        var claimed = await RefusedAsync(() => _harness.WithdrawAsync(submit.Id, Staff));

        Assert.Equal(WorkflowErrorKind.Forbidden, colleague.Kind);
        Assert.Equal((WorkflowErrorKind.Conflict, $"后续任务“{confirm.Title}”已有人领办，不能撤回。"), (claimed.Kind, claimed.Message));
        Assert.DoesNotContain("withdraw", (await _harness.OperationsAsync(submit.Id, Staff)).Allowed);
        Assert.Equal(UserTaskStatus.Completed, (await _harness.TaskAsync(submit.Id)).Status);
    }

    [Fact]
    public async Task AWithdrawalRacingTheNextTasksClaimLosesToTheClaimThatCommittedFirst()
    {
        var submit = await ApplicationSubmittedByStaffAsync();
        var confirm = await _harness.OpenTaskAsync(_workflow.Id, "confirm-application");
        _harness.Rival.BeforeNextSave(() => _harness.ClaimAsync(confirm.Id, TestActors.CountyAdmin));

        var refused = await RefusedAsync(() => _harness.WithdrawAsync(submit.Id, Staff));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal((UserTaskStatus.Open, TestActors.CountyAdmin.UserName), ((await _harness.TaskAsync(confirm.Id)).Status, (await _harness.TaskAsync(confirm.Id)).Assignee));
        Assert.Equal(UserTaskStatus.Completed, (await _harness.TaskAsync(submit.Id)).Status);
        Assert.Empty(await _harness.EventsAsync<TaskHandedOver>());
    }
}

[Trait("Category", "Unit")]
public sealed class SendBackAndWithdrawTestsOnSqlite() : SendBackAndWithdrawTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class SendBackAndWithdrawTestsOnPostgres() : SendBackAndWithdrawTests(EngineDatabase.Postgres);
