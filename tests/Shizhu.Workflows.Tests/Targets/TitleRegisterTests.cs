using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Targets;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Targets;

public abstract class TitleRegisterTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<TitleView> RecordAsync(string code, string title, int year, string document = "渝爱卫〔2019〕5号", Actor? actor = null) =>
        _harness.InScopeAsync<TitleRegister, TitleView>(r =>
            r.RecordAsync(new RecordTitle(code, title, year, document), actor ?? TestActors.CountyAdmin, null, CancellationToken.None));

    private Task<IReadOnlyList<TitleView>> ListAsync(Actor? actor = null) =>
        _harness.InScopeAsync<TitlesHeld, IReadOnlyList<TitleView>>(t => t.ListAsync(actor ?? TestActors.CountyAdmin, CancellationToken.None));

    private async Task<List<HeldTitleChange>> TraceAsync(Guid titleId)
    {
        await using var db = _harness.NewDbContext();
        return [.. (await db.HeldTitleChanges.AsNoTracking().Where(c => c.TitleId == titleId).ToListAsync()).OrderBy(c => c.At)];
    }

    [Fact]
    public async Task ARecordedTitleIsListedWithWhoRecordedItAndLeavesATrace()
    {
        var recorded = await RecordAsync(TownshipCodes.Huangshui, Tracks.Municipal, 2019);

        var listed = Assert.Single(await ListAsync());
        Assert.Equal((TownshipCodes.Huangshui, "黄水镇", "重庆市卫生乡镇", 2019, "渝爱卫〔2019〕5号", TitleView.RecordedSource, "county-admin-wang"),
            (listed.TownshipCode, listed.TownshipName, listed.TitleName, listed.Year, listed.DocumentNumber, listed.Source, listed.RecordedBy));
        Assert.Equal(recorded.Id, listed.Id);
        var trace = Assert.Single(await TraceAsync(recorded.Id!.Value));
        Assert.Equal(("recorded", "county-admin-wang"), (trace.Kind, trace.Actor));
    }

    [Fact]
    public async Task AnEditNeedsAReasonAndItsTraceKeepsTheYearBeforeAndAfter()
    {
        var recorded = await RecordAsync(TownshipCodes.Huangshui, Tracks.Municipal, 2019);
        Task<TitleView> EditAsync(string? reason) => _harness.InScopeAsync<TitleRegister, TitleView>(r =>
            r.EditAsync(recorded.Id!.Value, new EditTitle(2018, "渝爱卫〔2018〕12号", reason), TestActors.CountyAdmin, null, CancellationToken.None));

        _harness.Clock.Advance(TimeSpan.FromDays(1));
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => EditAsync(" "));
        Assert.Equal("reason", refused.Field);
        var edited = await EditAsync("年份录入有误");

        Assert.Equal((2018, "渝爱卫〔2018〕12号"), (edited.Year, edited.DocumentNumber));
        var trace = await TraceAsync(recorded.Id!.Value);
        Assert.Equal(["recorded", "edited"], trace.Select(t => t.Kind));
        using var change = JsonDocument.Parse(trace[1].Change);
        Assert.Equal((2019, 2018), (change.RootElement.GetProperty("before").GetProperty("year").GetInt32(),
            change.RootElement.GetProperty("after").GetProperty("year").GetInt32()));
        Assert.Equal("年份录入有误", trace[1].Reason);
    }

    [Fact]
    public async Task ARevokedTitleStaysListedMarkedButIsNoLongerHeldAndCannotBeEdited()
    {
        var recorded = await RecordAsync(TownshipCodes.Huangshui, Tracks.National, 2015);

        var revoked = await _harness.InScopeAsync<TitleRegister, TitleView>(r =>
            r.RevokeAsync(recorded.Id!.Value, new RevokeTitle("复审未通过，撤销命名"), TestActors.CountyAdmin, null, CancellationToken.None));

        Assert.True(revoked.Revoked);
        Assert.True(Assert.Single(await ListAsync()).Revoked);
        Assert.Empty(await _harness.InScopeAsync<TitlesHeld, IReadOnlyList<TitleView>>(t => t.HeldAtEndOfAsync(2022, CancellationToken.None)));
        var error = await Assert.ThrowsAsync<WorkflowException>(() => _harness.InScopeAsync<TitleRegister, TitleView>(r =>
            r.EditAsync(recorded.Id!.Value, new EditTitle(2016, "x", "更正"), TestActors.CountyAdmin, null, CancellationToken.None)));
        Assert.Equal(WorkflowErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task TheSameTitleOfOneUnitCannotBeRecordedTwice()
    {
        await RecordAsync(TownshipCodes.Huangshui, Tracks.Municipal, 2019);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => RecordAsync(TownshipCodes.Huangshui, Tracks.Municipal, 2020));

        Assert.Equal(WorkflowErrorKind.Conflict, error.Kind);
        Assert.Contains("黄水镇", error.Message);
    }

    [Theory]
    [InlineData("999999999", "municipal", 2019, "渝爱卫〔2019〕5号", "townshipCode")]
    [InlineData("500240105", "provincial", 2019, "渝爱卫〔2019〕5号", "title")]
    [InlineData("500240105", "municipal", 2023, "渝爱卫〔2019〕5号", "year")]
    [InlineData("500240105", "municipal", 1980, "渝爱卫〔2019〕5号", "year")]
    [InlineData("500240105", "municipal", 2019, " ", "documentNumber")]
    public async Task BadInputIsRefusedNamingItsFieldAndNothingIsRecorded(string code, string title, int year, string document, string field)
    {
        var error = await Assert.ThrowsAsync<WorkflowException>(() => RecordAsync(code, title, year, document));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (error.Kind, error.Field));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task OnlyTheCountyOfficeRecordsTitles()
    {
        foreach (var actor in new[] { TestActors.ShijiaStaff, TestActors.CountyLeader })
        {
            var error = await Assert.ThrowsAsync<WorkflowException>(() => RecordAsync(TownshipCodes.Shijia, Tracks.Municipal, 2019, actor: actor));
            Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);
        }
    }

    [Fact]
    public async Task ATownshipSeesOnlyItsOwnTitlesAndADepartmentNone()
    {
        await RecordAsync(TownshipCodes.Shijia, Tracks.Municipal, 2019);
        await RecordAsync(TownshipCodes.Jinling, Tracks.Municipal, 2019);

        Assert.Equal([TownshipCodes.Shijia], (await ListAsync(TestActors.ShijiaStaff)).Select(t => t.TownshipCode));
        Assert.Equal(2, (await ListAsync(TestActors.CountyLeader)).Count);
        var error = await Assert.ThrowsAsync<WorkflowException>(() => ListAsync(TestActors.DepartmentStaff("education")));
        Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);
    }

    [Fact(Timeout = 120_000)]
    public async Task AWorkflowsNamingYieldsTheTitleSoTheCountyOfficeNeedNotEnterItAgain()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var driver = new ProcessDriver(_harness);
        var naming = await driver.RunUntilOpenAsync(workflow.Id, TitlesHeld.NamingTaskKey);
        using var data = JsonDocument.Parse("""{"documentNumber":"渝爱卫〔2022〕31号"}""");
        await _harness.CompleteAsync(naming.Id, TestActors.AbleToComplete(naming), new CompleteTask(null, data.RootElement, null));
        await driver.RunToCompletionAsync(workflow.Id);

        var title = Assert.Single(await ListAsync());
        Assert.Equal((TownshipCodes.Shijia, Tracks.Municipal, 2022, "渝爱卫〔2022〕31号", TitleView.WorkflowSource, (Guid?)workflow.Id, (Guid?)null),
            (title.TownshipCode, title.Title, title.Year, title.DocumentNumber, title.Source, title.WorkflowId, title.Id));
        var again = await Assert.ThrowsAsync<WorkflowException>(() => RecordAsync(TownshipCodes.Shijia, Tracks.Municipal, 2022));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
        Assert.Contains("创建工作流", again.Message);

        var sheet = await _harness.InScopeAsync<TargetSheet, TargetSheetView>(s => s.ComputeAsync(2022, CancellationToken.None));
        var municipal = Assert.Single(sheet.Targets, t => t.Key == "municipal-titles");
        Assert.Equal([(TownshipCodes.Shijia, TitleView.WorkflowSource)], municipal.Townships.Select(u => (u.TownshipCode, u.Source)));
    }
}

[Trait("Category", "Unit")]
public sealed class TitleRegisterTestsOnSqlite() : TitleRegisterTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TitleRegisterTestsOnPostgres() : TitleRegisterTests(EngineDatabase.Postgres);
