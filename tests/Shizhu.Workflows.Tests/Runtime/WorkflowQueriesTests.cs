using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>Two townships, 石家乡 and 金铃乡, each running its municipal creation of 2022.</summary>
public abstract class WorkflowQueriesTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _shijia = null!;
    private WorkflowInstance _jinling = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _shijia = await _harness.StartAsync(TownshipCodes.Shijia);
        _jinling = await _harness.StartAsync(TownshipCodes.Jinling);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<IReadOnlyList<InboxItem>> InboxAsync(Actor actor) =>
        _harness.QueryAsync(q => q.InboxAsync(actor, CancellationToken.None));

    /// <summary>Walks a workflow through publicity and submits its application, which opens the county office's confirmation.</summary>
    private async Task SubmitApplicationAsync(WorkflowInstance workflow)
    {
        await _harness.CompleteCurrentStageAsync(workflow.Id);
        await _harness.CompleteAsync(workflow.Id, "submit-application");
    }

    [Fact]
    public async Task TheInboxHoldsOnlyTheOpenTasksOfTheActorsTownshipAndRoles()
    {
        var inbox = await InboxAsync(TestActors.ShijiaStaff);

        Assert.Equal(["制定创建工作实施方案", "组建创建工作领导小组"], inbox.Select(i => i.Title).Order());
        Assert.All(inbox, i =>
        {
            Assert.Equal((_shijia.Id, TownshipCodes.Shijia, "石家乡", "publicity", "宣传发动", Roles.TownshipStaff),
                (i.WorkflowId, i.TownshipCode, i.TownshipName, i.StageKey, i.StageName, i.Role));
            Assert.Equal(UserTaskStatus.Open, i.Status);
            Assert.Empty(i.Outcomes);
        });
        Assert.Empty(await InboxAsync(TestActors.ShijiaLeader));
        Assert.Empty(await InboxAsync(TestActors.CountyAdmin));
    }

    [Fact]
    public async Task ACompletedTaskLeavesTheInbox()
    {
        var leadingGroup = await _harness.CompleteAsync(_shijia.Id, "leading-group");

        var inbox = await InboxAsync(TestActors.ShijiaStaff);

        Assert.Equal("work-plan", (await _harness.TaskAsync(Assert.Single(inbox).Id)).ElementId);
        Assert.DoesNotContain(inbox, i => i.Id == leadingGroup.Id);
    }

    [Fact]
    public async Task TheCountyOfficeSeesTheCountyScopeTasksOfEveryTownshipAndTownshipStaffDoNot()
    {
        await SubmitApplicationAsync(_shijia);
        await SubmitApplicationAsync(_jinling);

        var county = await InboxAsync(TestActors.CountyAdmin);

        Assert.Equal([TownshipCodes.Shijia, TownshipCodes.Jinling], county.Select(i => i.TownshipCode).Order());
        Assert.All(county, i => Assert.Equal(("application", "县爱卫办确认创建申请", Roles.CountyAdmin), (i.StageKey, i.Title, i.Role)));
        Assert.Empty(await InboxAsync(TestActors.ShijiaStaff));
        // A county leader sees every township but holds no county-admin task.
        Assert.Empty(await InboxAsync(TestActors.CountyLeader));
    }

    [Fact]
    public async Task ATownshipActorListsOnlyTheirOwnTownshipsWorkflows()
    {
        var own = await _harness.QueryAsync(q => q.ListAsync(TestActors.ShijiaStaff, null, null, CancellationToken.None));
        var asked = await _harness.QueryAsync(q => q.ListAsync(TestActors.ShijiaStaff, TownshipCodes.Jinling, null, CancellationToken.None));

        Assert.Equal(_shijia.Id, Assert.Single(own).Id);
        Assert.Empty(asked);
    }

    [Fact]
    public async Task CountyWideActorsListEveryTownshipAndCanFilterByTownshipAndStatus()
    {
        var all = await _harness.QueryAsync(q => q.ListAsync(TestActors.CountyLeader, null, null, CancellationToken.None));
        var jinling = await _harness.QueryAsync(q => q.ListAsync(TestActors.CountyAdmin, TownshipCodes.Jinling, null, CancellationToken.None));
        var completed = await _harness.QueryAsync(q => q.ListAsync(TestActors.CountyAdmin, null, WorkflowStatus.Completed, CancellationToken.None));

        Assert.Equal([_shijia.Id, _jinling.Id], all.Select(w => w.Id)); // ordered by township code
        Assert.Equal(_jinling.Id, Assert.Single(jinling).Id);
        Assert.Empty(completed);
    }

    [Fact]
    public async Task ATownshipActorCannotGetAnotherTownshipsWorkflowItsTasksOrItsJournal()
    {
        var jinlingTask = (await _harness.TasksAsync(_jinling.Id))[0];

        Assert.Null(await _harness.QueryAsync(q => q.GetAsync(TestActors.ShijiaStaff, _jinling.Id, CancellationToken.None)));
        Assert.Null(await _harness.QueryAsync(q => q.JournalAsync(TestActors.ShijiaStaff, _jinling.Id, CancellationToken.None)));
        Assert.Null(await _harness.QueryAsync(q => q.GetTaskAsync(TestActors.ShijiaStaff, jinlingTask.Id, CancellationToken.None)));
        Assert.NotNull(await _harness.QueryAsync(q => q.GetTaskAsync(TestActors.JinlingStaff, jinlingTask.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task ATownshipActorGetsTheirOwnWorkflowWithItsStagesTasksAndJournal()
    {
        var detail = await _harness.QueryAsync(q => q.GetAsync(TestActors.ShijiaStaff, _shijia.Id, CancellationToken.None));
        var journal = await _harness.QueryAsync(q => q.JournalAsync(TestActors.ShijiaStaff, _shijia.Id, CancellationToken.None));

        Assert.NotNull(detail);
        Assert.Equal(("publicity", 10, 2, "named"), (detail.CurrentStageKey, detail.Stages.Count, detail.Tasks.Count, detail.Goal));
        Assert.Equal(("publicity", StageStatus.Active), (detail.Stages[0].Key, detail.Stages[0].Status));
        // Each stage in its phase of 实施步骤, as the template version the workflow runs on groups them.
        Assert.Equal(["宣传发动", "申报创建", "申报创建", "查漏补缺", "查漏补缺", "查漏补缺", "查漏补缺", "迎检验收", "迎检验收", "公示命名"],
            detail.Stages.Select(s => s.PhaseName));
        Assert.Equal(("county-survey", "gap-filling"), (detail.Stages[4].Key, detail.Stages[4].Phase));
        Assert.All(detail.Tasks, t => Assert.Equal(_shijia.Id, t.WorkflowId));
        Assert.NotNull(journal);
        Assert.Equal(JournalKind.WorkflowStarted, journal[0].Kind);
    }

    [Fact]
    public async Task AnUnknownWorkflowIsNotFoundEvenForTheCounty()
    {
        Assert.Null(await _harness.QueryAsync(q => q.GetAsync(TestActors.CountyAdmin, Guid.NewGuid(), CancellationToken.None)));
    }
}

[Trait("Category", "Unit")]
public sealed class WorkflowQueriesTestsOnSqlite() : WorkflowQueriesTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class WorkflowQueriesTestsOnPostgres() : WorkflowQueriesTests(EngineDatabase.Postgres);
