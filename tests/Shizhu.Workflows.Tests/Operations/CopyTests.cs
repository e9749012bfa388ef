using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Operations;

/// <summary>抄送 and 抄送我的 on 石家乡's "组建创建工作领导小组".</summary>
public abstract class CopyTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor Staff = TestActors.ShijiaStaff with { DisplayName = "张三" };
    private static readonly Actor Leader = TestActors.ShijiaLeader with { DisplayName = "石家乡乡长" };

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

    [Fact]
    public async Task ACopyListsInEachRecipientsCopiesUntilReadAndCopyingAgainAddsNothing()
    {
        var result = await _harness.CopyAsync(_task.Id, [Leader, TestActors.CountyLeader], Staff, "请知悉");
        var again = await _harness.CopyAsync(_task.Id, [Leader], Staff);

        Assert.Equal([Leader.UserName, TestActors.CountyLeader.UserName], result.Copied);
        Assert.Empty(again.Copied);
        Assert.Equal([Leader.UserName], again.AlreadyCopied);
        var copy = Assert.Single(await _harness.CopiesAsync(Leader));
        Assert.Equal((_task.Id, "组建创建工作领导小组", "石家乡", "张三", "请知悉", (DateTimeOffset?)null),
            (copy.TaskId, copy.TaskTitle, copy.TownshipName, copy.CopiedByName, copy.Comment, copy.ReadAt));
        Assert.Empty(await _harness.CopiesAsync(Staff));
        var read = await _harness.MarkCopyReadAsync(copy.Id, Leader);
        Assert.Equal(_harness.Clock.GetUtcNow().ToUnixTimeMilliseconds(), read.ReadAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(WorkflowErrorKind.NotFound, (await Assert.ThrowsAsync<WorkflowException>(() => _harness.MarkCopyReadAsync(copy.Id, Staff))).Kind);
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.TaskCopied);
        Assert.Equal("抄送任务：组建创建工作领导小组（抄送 石家乡乡长、county-leader-li）；说明：请知悉", journal.Detail);
        Assert.Equal(TaskOperationNames.Copied, Assert.Single(await _harness.EventsAsync<TaskHandedOver>()).Operation);
    }

    [Fact]
    public async Task CopyingToSomeoneWhoCannotSeeTheWorkflowIsRefusedNamingThemAndCopiesNothing()
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CopyAsync(_task.Id, [Leader, TestActors.JinlingStaff], Staff));
        var stranger = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CopyAsync(_task.Id, [Leader], TestActors.JinlingStaff));
        var leaderCopies = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CopyAsync(_task.Id, [Staff], Leader));

        Assert.Equal(("users[1]", $"staff-{TownshipCodes.Jinling} 无权查看石家乡的创建工作流，不能抄送。"), (refused.Field, refused.Message));
        Assert.Equal((WorkflowErrorKind.NotFound, WorkflowErrorKind.Forbidden), (stranger.Kind, leaderCopies.Kind));
        Assert.Empty(await _harness.CopiesAsync(Leader));
    }

    [Fact]
    public async Task CopiesPageNewestFirstByLimitAndBefore()
    {
        var work = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");
        await _harness.CopyAsync(_task.Id, [Leader], Staff);
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await _harness.CopyAsync(work.Id, [Leader], Staff);

        var first = await _harness.CopiesAsync(Leader, limit: 1);
        var second = await _harness.CopiesAsync(Leader, limit: 1, before: first[0].CreatedAt);
        var tooMany = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CopiesAsync(Leader, limit: 101));

        Assert.Equal([work.Id, _task.Id], [first.Single().TaskId, second.Single().TaskId]);
        Assert.Equal("limit", tooMany.Field);
    }
}

[Trait("Category", "Unit")]
public sealed class CopyTestsOnSqlite() : CopyTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class CopyTestsOnPostgres() : CopyTests(EngineDatabase.Postgres);
