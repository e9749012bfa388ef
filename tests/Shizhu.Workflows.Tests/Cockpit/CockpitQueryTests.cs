using Shizhu.Workflows.Access;
using Shizhu.Workflows.Bulletins;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Cockpit;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Cockpit;

/// <summary>
/// The cockpit and the bulletins over the whole plan replayed as a good year would go (every task done within the hour)
/// from 4 January to mid-July 2022: 石家乡 and 金铃乡 in their county checks, 悦崃镇 and 中益乡 in their first year, the later
/// entries waiting for their start year.
/// </summary>
public abstract class CockpitQueryTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset FourthOfJanuary2022 = new(2022, 1, 4, 9, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset MidJuly2022 = new(2022, 7, 15, 9, 0, 0, ChinaTime.Offset);
    private EngineHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database, FourthOfJanuary2022);
        var codes = _harness.Read(db => db.Townships.ToDictionary(t => t.Name, t => t.Code));
        foreach (var (township, track, startYear, _, _) in ReferenceDataSeeder.Plan) await _harness.StartAsync(codes[township], track, startYear);
        await new PlanReplay(_harness).RunAsync(until: MidJuly2022);
        if (_harness.Clock.GetUtcNow() < MidJuly2022) _harness.Clock.SetUtcNow(MidJuly2022);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<DashboardView> CockpitAsync(Actor actor, DateTimeOffset? asOf = null) =>
        _harness.InScopeAsync<CockpitQuery, DashboardView>(q => q.ReadAsync(actor, asOf, CancellationToken.None));

    [Fact(Timeout = 300_000)]
    public async Task AGoodYearShowsDoneStagesInGreenNothingOverdueAndTheLaterEntriesNotYetBegun()
    {
        var view = await CockpitAsync(TestActors.CountyLeader);

        var shijia = Assert.Single(view.Rows, r => r.TownshipCode == TownshipCodes.Shijia);
        var publicity = Assert.Single(shijia.Cells, c => c.StageKey == "publicity");
        Assert.Equal(("done", 1), (publicity.State, publicity.CompletedOn!.Value.Month));
        Assert.Equal("pending", Assert.Single(shijia.Cells, c => c.StageKey == "naming").State);
        Assert.True(shijia.Progress.CompletedStages >= 4, $"石家乡 completed {shijia.Progress.CompletedStages} stages by mid-July");
        Assert.DoesNotContain(view.Rows.SelectMany(r => r.Cells), c => c.State == "overdue");
        Assert.All(view.Rows.Where(r => r.StartYear > 2022), r => Assert.All(r.Cells, c => Assert.Contains(c.State, new[] { "pending", "none" })));
        Assert.Equal(view.Rows.Sum(r => r.Progress.CompletedStages), view.County.CompletedStages);
        Assert.Equal(1m, Assert.Single(view.Charts.OnTime, o => o.TownshipCode == TownshipCodes.Shijia).Rate);
        Assert.NotNull(Assert.Single(view.Charts.AverageDays, d => d.StageKey == "publicity").AverageDays);
        // The timeline: 石家乡's publicity was planned for January 2022 and happened then.
        var timeline = Assert.Single(view.Timeline, t => t.TownshipName == "石家乡");
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 31)), (timeline.Planned[0].From, timeline.Planned[0].To));
        Assert.Equal(new DateOnly(2022, 1, 4), timeline.Actual[0].From);
    }

    [Fact(Timeout = 300_000)]
    public async Task TheCockpitOfAnEarlierMomentShowsWhatStoodThenAndATownshipLeaderSeesOnlyTheirOwn()
    {
        var january = await CockpitAsync(TestActors.CountyAdmin, new DateTimeOffset(2022, 1, 31, 12, 0, 0, ChinaTime.Offset));
        var own = await CockpitAsync(TestActors.ShijiaLeader);

        var shijia = Assert.Single(january.Rows, r => r.TownshipCode == TownshipCodes.Shijia);
        Assert.Equal("pending", Assert.Single(shijia.Cells, c => c.StageKey == "county-survey").State);
        Assert.Equal(["2022-01"], january.Charts.Months);
        Assert.Equal([TownshipCodes.Shijia], own.Rows.Select(r => r.TownshipCode).Distinct());
        await Assert.ThrowsAsync<WorkflowException>(() => CockpitAsync(TestActors.ShijiaStaff));
    }

    [Fact(Timeout = 300_000)]
    public async Task JunesBulletinListsTheStagesCompletedInJuneAndPublishedBulletinsAreNumberedOneAfterAnother()
    {
        var june = await _harness.InScopeAsync<BulletinOffice, BulletinView>(o => o.GenerateAsync(new GenerateBulletin(2022, 6), TestActors.CountyAdmin, null, CancellationToken.None));
        var numbers = new List<string?>();
        foreach (var month in new[] { 4, 5, 6 })
        {
            var draft = await _harness.InScopeAsync<BulletinOffice, BulletinView>(o => o.GenerateAsync(new GenerateBulletin(2022, month), TestActors.CountyAdmin, null, CancellationToken.None));
            await _harness.InScopeAsync<BulletinOffice, BulletinView>(o => o.ApproveAsync(draft.Id, TestActors.CountyAdmin, null, CancellationToken.None));
            numbers.Add((await _harness.InScopeAsync<BulletinOffice, BulletinView>(o => o.PublishAsync(draft.Id, TestActors.CountyAdmin, null, CancellationToken.None))).Number);
        }

        Assert.NotEmpty(june.Content.Completed);
        Assert.All(june.Content.Completed, c => Assert.Equal((2022, 6), (c.CompletedOn.Year, c.CompletedOn.Month)));
        Assert.Empty(june.Content.Overdue);
        Assert.Equal(new DateOnly(2022, 6, 30), june.Content.To);
        Assert.Equal(["石柱爱卫督〔2022〕1号", "石柱爱卫督〔2022〕2号", "石柱爱卫督〔2022〕3号"], numbers);
        await Assert.ThrowsAsync<WorkflowException>(() => _harness.InScopeAsync<BulletinOffice, BulletinView>(
            o => o.PublishAsync(june.Id, TestActors.CountyAdmin, null, CancellationToken.None)));
    }
}

[Trait("Category", "Unit")]
public sealed class CockpitQueryTestsOnSqlite() : CockpitQueryTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class CockpitQueryTestsOnPostgres() : CockpitQueryTests(EngineDatabase.Postgres);
