using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// Keyset paging (ADR 0035) on both databases: walking a list page by page yields every row exactly once, in the
/// list's order, even when many rows share a sort key; filters and the caller's boundaries hold on every page; a
/// cursor that was altered or is replayed with other filters is refused.
/// </summary>
public abstract class ListPagingTests(EngineDatabase database) : IAsyncLifetime
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

    /// <summary>Adds open tasks to a workflow: <paramref name="count"/> of them, sharing due times in groups of four, every fifth without one.</summary>
    private async Task<List<WorkflowTask>> AddTasksAsync(WorkflowInstance workflow, int count, string role, TaskScope scope, string? department = null)
    {
        var now = _harness.Clock.GetUtcNow();
        var tasks = Enumerable.Range(0, count).Select(i => new WorkflowTask
        {
            Id = Guid.NewGuid(), WorkflowId = workflow.Id, StageKey = "publicity", ElementId = "work-plan",
            Title = i % 3 == 0 ? $"整改任务 {i}" : $"材料报送 {i}", Role = role, Scope = scope, TownshipCode = workflow.TownshipCode,
            DepartmentCode = department, CreatedAt = now.AddHours(-(i / 3)), DueAt = i % 5 == 4 ? null : now.AddDays(i / 4 - 3),
            Overdue = i % 5 != 4 && i / 4 - 3 < 0,
        }).ToList();
        await _harness.InScopeAsync<WorkflowDbContext, int>(db => { db.Tasks.AddRange(tasks); return db.SaveChangesAsync(); });
        return tasks;
    }

    private Task<Page<InboxItem>> InboxAsync(Actor actor, InboxFilter filter, PageRequest page) =>
        _harness.InScopeAsync<InboxQuery, Page<InboxItem>>(q => q.PageAsync(actor, filter, page, CancellationToken.None));

    /// <summary>Every page from the first, following nextCursor.</summary>
    private static async Task<List<List<T>>> WalkAsync<T>(Func<PageRequest, Task<Page<T>>> read, int limit, string? sort = null)
    {
        var pages = new List<List<T>>();
        var page = await read(new PageRequest(limit, null, sort));
        pages.Add([.. page.Items]);
        while (page.NextCursor is { } next)
        {
            page = await read(new PageRequest(limit, next, sort));
            pages.Add([.. page.Items]);
            Assert.True(pages.Count < 100, "the walk does not end");
        }
        return pages;
    }

    [Fact]
    public async Task WalkingTheCountyInboxByDueTimeYieldsEveryTaskOnceSoonestFirstAndUndatedLast()
    {
        var added = await AddTasksAsync(_shijia, 23, Roles.CountyAdmin, TaskScope.County);
        added.AddRange(await AddTasksAsync(_jinling, 14, Roles.CountyAdmin, TaskScope.County));

        var pages = await WalkAsync(p => InboxAsync(TestActors.CountyAdmin, InboxFilter.None, p), limit: 4);
        var walked = pages.SelectMany(p => p).ToList();

        Assert.All(pages.SkipLast(1), p => Assert.Equal(4, p.Count));
        Assert.Equal(added.Select(t => t.Id).Order(), walked.Select(i => i.Id).Order());
        var dated = walked.TakeWhile(i => i.DueAt is not null).ToList();
        Assert.Equal(dated.Select(i => i.DueAt).Order(), dated.Select(i => i.DueAt));
        Assert.All(walked.Skip(dated.Count), i => Assert.Null(i.DueAt));
        Assert.Equal(added.Count(t => t.DueAt is null), walked.Count - dated.Count);
    }

    [Fact]
    public async Task WalkingTheInboxNewestFirstUnderTiedCreationTimesSkipsAndDoublesNothing()
    {
        var added = await AddTasksAsync(_shijia, 17, Roles.TownshipStaff, TaskScope.Township);

        var pages = await WalkAsync(p => InboxAsync(TestActors.ShijiaStaff, InboxFilter.None, p), limit: 2, InboxQuery.Created);
        var walked = pages.SelectMany(p => p).Select(i => i.Id).ToList();

        // The two tasks the workflow opened itself are in the township staff's inbox too.
        Assert.Equal(added.Count + 2, walked.Count);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Subset(walked.ToHashSet(), added.Select(t => t.Id).ToHashSet());
    }

    [Fact]
    public async Task FiltersHoldOnEveryPageAndNeverReachAnotherTownship()
    {
        await AddTasksAsync(_shijia, 20, Roles.TownshipStaff, TaskScope.Township);
        await AddTasksAsync(_jinling, 20, Roles.TownshipStaff, TaskScope.Township);
        var filter = new InboxFilter(TownshipCode: TownshipCodes.Jinling, Overdue: true, Search: "整改");

        var walked = (await WalkAsync(p => InboxAsync(TestActors.ShijiaStaff, filter, p), limit: 3)).SelectMany(p => p).ToList();
        Assert.Empty(walked);

        var own = (await WalkAsync(p => InboxAsync(TestActors.ShijiaStaff, filter with { TownshipCode = null }, p), limit: 3)).SelectMany(p => p).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, i => Assert.True(i.TownshipCode == TownshipCodes.Shijia && i.Overdue && i.Title.Contains("整改")));
    }

    [Fact]
    public async Task ADueWindowKeepsOnlyTasksDueWithinIt()
    {
        await AddTasksAsync(_shijia, 20, Roles.TownshipStaff, TaskScope.Township);
        var now = _harness.Clock.GetUtcNow();
        var filter = new InboxFilter(DueAfter: now.AddDays(-1), DueBefore: now.AddDays(1));

        var page = await InboxAsync(TestActors.ShijiaStaff, filter, new PageRequest(200));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.InRange(i.DueAt!.Value, now.AddDays(-1), now.AddDays(1)));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task ACursorThatWasAlteredIsRefusedNamingTheCursor()
    {
        await AddTasksAsync(_shijia, 10, Roles.TownshipStaff, TaskScope.Township);
        var cursor = (await InboxAsync(TestActors.ShijiaStaff, InboxFilter.None, new PageRequest(3))).NextCursor!;
        var altered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];

        foreach (var bad in new[] { altered, "not-a-cursor", cursor[..8], new string('A', 2000) })
        {
            var refused = await Assert.ThrowsAsync<PagingException>(() => InboxAsync(TestActors.ShijiaStaff, InboxFilter.None, new PageRequest(3, bad)));
            Assert.Equal("cursor", refused.Field);
        }
    }

    [Fact]
    public async Task ACursorReplayedWithOtherFiltersOrAnotherSortIsRefused()
    {
        await AddTasksAsync(_shijia, 10, Roles.TownshipStaff, TaskScope.Township);
        var cursor = (await InboxAsync(TestActors.ShijiaStaff, InboxFilter.None, new PageRequest(3))).NextCursor!;

        await Assert.ThrowsAsync<PagingException>(() => InboxAsync(TestActors.ShijiaStaff, new InboxFilter(Overdue: true), new PageRequest(3, cursor)));
        await Assert.ThrowsAsync<PagingException>(() => InboxAsync(TestActors.ShijiaStaff, InboxFilter.None, new PageRequest(3, cursor, InboxQuery.Created)));
    }

    [Fact]
    public async Task ADepartmentWalksOnlyItsOwnDepartmentsTasks()
    {
        var own = await AddTasksAsync(_shijia, 9, Roles.CountyDepartment, TaskScope.Department, "education");
        await AddTasksAsync(_jinling, 9, Roles.CountyDepartment, TaskScope.Department, "transport");

        var walked = (await WalkAsync(p => InboxAsync(TestActors.DepartmentStaff("education"), InboxFilter.None, p), limit: 4)).SelectMany(p => p).ToList();

        Assert.Equal(own.Select(t => t.Id).Order(), walked.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task WalkingTheWorkflowListEitherWayYieldsEveryVisibleWorkflowOnce()
    {
        foreach (var code in new[] { TownshipCodes.Yuelai, TownshipCodes.Qiaotou, TownshipCodes.Huangshui })
        {
            await _harness.StartAsync(code);
            await _harness.StartAsync(code, Tracks.National, 2023);
        }
        Task<Page<WorkflowSummary>> List(Actor actor, WorkflowListFilter filter, PageRequest p) =>
            _harness.InScopeAsync<WorkflowListQuery, Page<WorkflowSummary>>(q => q.PageAsync(actor, filter, p, CancellationToken.None));

        var byTownship = (await WalkAsync(p => List(TestActors.CountyAdmin, WorkflowListFilter.None, p), limit: 3)).SelectMany(p => p).ToList();
        var byStart = (await WalkAsync(p => List(TestActors.CountyAdmin, WorkflowListFilter.None, p), limit: 3, WorkflowListQuery.Started)).SelectMany(p => p).ToList();

        Assert.Equal(8, byTownship.Select(w => w.Id).Distinct().Count());
        Assert.Equal(byTownship.Select(w => (w.TownshipCode, w.StartYear)).Order(), byTownship.Select(w => (w.TownshipCode, w.StartYear)));
        Assert.Equal(byTownship.Select(w => w.Id).Order(), byStart.Select(w => w.Id).Order());
        Assert.Equal(byStart.Select(w => w.StartedAt).OrderDescending(), byStart.Select(w => w.StartedAt));
        var shijia = (await WalkAsync(p => List(TestActors.ShijiaStaff, new WorkflowListFilter(Status: WorkflowStatus.Running), p), limit: 1)).SelectMany(p => p).ToList();
        Assert.Equal([_shijia.Id], shijia.Select(w => w.Id));
    }

    [Fact]
    public async Task AlertsRaisedAtTheSameMomentPageWithoutLossAndStayInTheirTownship()
    {
        var at = _harness.Clock.GetUtcNow();
        var alerts = Enumerable.Range(0, 11).Select(i => new TaskAlert
        {
            Id = Guid.NewGuid(), TaskId = Guid.NewGuid(), WorkflowId = i % 2 == 0 ? _shijia.Id : _jinling.Id,
            TownshipCode = i % 2 == 0 ? TownshipCodes.Shijia : TownshipCodes.Jinling, Kind = AlertKind.Overdue, RaisedAt = at.AddMinutes(-(i / 4)),
        }).ToList();
        await _harness.InScopeAsync<WorkflowDbContext, int>(db => { db.Alerts.AddRange(alerts); return db.SaveChangesAsync(); });
        Task<Page<AlertView>> List(Actor actor, PageRequest p) =>
            _harness.InScopeAsync<AlertListQuery, Page<AlertView>>(q => q.PageAsync(actor, AlertListFilter.None, p, CancellationToken.None));

        var county = (await WalkAsync(p => List(TestActors.CountyLeader, p), limit: 3)).SelectMany(p => p).ToList();
        var leader = (await WalkAsync(p => List(TestActors.ShijiaLeader, p), limit: 2)).SelectMany(p => p).ToList();

        Assert.Equal(alerts.Select(a => a.Id).Order(), county.Select(a => a.Id).Order());
        Assert.Equal(county.Select(a => a.RaisedAt).OrderDescending(), county.Select(a => a.RaisedAt));
        Assert.Equal(alerts.Where(a => a.TownshipCode == TownshipCodes.Shijia).Select(a => a.Id).Order(), leader.Select(a => a.Id).Order());
        Assert.Equal(6, await _harness.InScopeAsync<AlertListQuery, int>(q => q.CountAsync(TestActors.ShijiaLeader, 100, CancellationToken.None)));
        Assert.Equal(4, await _harness.InScopeAsync<AlertListQuery, int>(q => q.CountAsync(TestActors.CountyLeader, 4, CancellationToken.None)));
    }

    [Fact]
    public async Task TheJournalPagesInTheOrderItWasWritten()
    {
        await _harness.CompleteCurrentStageAsync(_shijia.Id);
        var all = await _harness.JournalAsync(_shijia.Id);

        var walked = (await WalkAsync(p => _harness.InScopeAsync<JournalPageQuery, Page<JournalView>>(async q =>
            (await q.PageAsync(TestActors.ShijiaStaff, _shijia.Id, p, CancellationToken.None))!), limit: 4)).SelectMany(p => p).ToList();

        Assert.True(all.Count > 8);
        Assert.Equal(all.Select(j => (j.Kind, j.Detail)), walked.Select(j => (j.Kind, j.Detail)));
        Assert.Null(await _harness.InScopeAsync<JournalPageQuery, Page<JournalView>?>(q =>
            q.PageAsync(TestActors.JinlingStaff, _shijia.Id, PageRequest.First(), CancellationToken.None)));
    }
}

[Trait("Category", "Unit")]
public sealed class ListPagingTestsOnSqlite() : ListPagingTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class ListPagingTestsOnPostgres() : ListPagingTests(EngineDatabase.Postgres);
