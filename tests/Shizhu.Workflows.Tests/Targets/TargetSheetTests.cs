using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Targets;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Targets;

/// <summary>The county's target sheet, computed from titles recorded by the county office (the clock reads the last day of 2026).</summary>
public abstract class TargetSheetTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset LastDayOf2026 = new(2026, 12, 31, 2, 0, 0, TimeSpan.Zero);
    private EngineHarness _harness = null!;
    private Dictionary<string, string> _codes = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database, LastDayOf2026);
        _codes = _harness.Read(db => db.Townships.ToDictionary(t => t.Name, t => t.Code));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task RecordAsync(string townshipName, string title, int year) =>
        _harness.InScopeAsync<TitleRegister, TitleView>(r => r.RecordAsync(
            new RecordTitle(_codes[townshipName], title, year, $"文号-{townshipName}-{year}"), TestActors.CountyAdmin, null, CancellationToken.None));

    private Task<TargetSheetView> SheetAsync(int year) =>
        _harness.InScopeAsync<TargetSheet, TargetSheetView>(s => s.ComputeAsync(year, CancellationToken.None));

    private static TargetLine Line(TargetSheetView sheet, string key) => Assert.Single(sheet.Targets, t => t.Key == key);

    [Fact]
    public async Task TheSheetHoldsThePlansFourTargetsOverTheCountysThirtyThreeUnitsWithTheirSource()
    {
        var sheet = await SheetAsync(2022);

        Assert.Equal(33, sheet.UnitCount);
        Assert.Equal([("national-titles", 3), ("municipal-titles", 9), ("national-standard", 7), ("municipal-standard", 30)],
            sheet.Targets.Select(t => (t.Key, t.Required)));
        Assert.All(sheet.Targets, t => Assert.Contains("20%的乡镇达到国家卫生乡镇标准", t.Source));
        Assert.All(sheet.Targets, t => Assert.Equal(0, t.Achieved));
    }

    [Fact]
    public async Task WithNothingNamedThe2022MunicipalTitlesAreBehindWhileTheNationalOnesAreNotYetDue()
    {
        var sheet = await SheetAsync(2022);

        Assert.Equal((0, TargetLine.OnTrack), (Line(sheet, "national-titles").Expected, Line(sheet, "national-titles").Status));
        Assert.Equal((2, TargetLine.Behind), (Line(sheet, "municipal-titles").Expected, Line(sheet, "municipal-titles").Status));
        // Twelve plan entries can never make 30 units: the Chongqing standard needs units that already hold titles.
        Assert.Equal(TargetLine.Behind, Line(sheet, "municipal-standard").Status);
    }

    [Fact]
    public async Task UnitsAlreadyHoldingTitlesCountTowardTheSharesButNotAmongTheTitlesCreatedUnderThePlan()
    {
        await RecordAsync("黄水镇", Tracks.National, 2015);
        await RecordAsync("南宾街道", Tracks.Municipal, 2018);

        var sheet = await SheetAsync(2022);

        Assert.Equal(0, Line(sheet, "national-titles").Achieved);
        Assert.Equal(0, Line(sheet, "municipal-titles").Achieved);
        Assert.Equal(["黄水镇"], Line(sheet, "national-standard").Townships.Select(u => u.TownshipName));
        Assert.Equal(["黄水镇", "南宾街道"], Line(sheet, "municipal-standard").Townships.Select(u => u.TownshipName));
    }

    [Fact]
    public async Task ANationalTitleCountsTowardTheChongqingStandardAndAUnitHoldingBothCountsOnce()
    {
        await RecordAsync("悦崃镇", Tracks.Municipal, 2016);
        await RecordAsync("悦崃镇", Tracks.National, 2024);

        var standard = Line(await SheetAsync(2024), "municipal-standard");

        var unit = Assert.Single(standard.Townships);
        Assert.Equal(("悦崃镇", Tracks.National), (unit.TownshipName, unit.Title));
    }

    [Fact]
    public async Task ATitleConferredAfterTheYearDoesNotCountInThatYearsSheet()
    {
        await RecordAsync("石家乡", Tracks.Municipal, 2022);
        await RecordAsync("临溪镇", Tracks.Municipal, 2023);

        Assert.Equal(["石家乡"], Line(await SheetAsync(2022), "municipal-titles").Townships.Select(u => u.TownshipName));
        Assert.Equal(2, Line(await SheetAsync(2023), "municipal-titles").Achieved);
    }

    [Fact]
    public async Task AtTheEndOf2026ThePlanFulfilledMeetsTheTitlesAndEighteenMoreUnitsMeetTheChongqingStandard()
    {
        foreach (var (township, track, _, targetYear, _) in ReferenceDataSeeder.Plan) await RecordAsync(township, track, targetYear);
        var planned = ReferenceDataSeeder.Plan.Select(p => p.Township).ToHashSet();
        foreach (var other in _codes.Keys.Where(n => !planned.Contains(n)).Order().Take(18)) await RecordAsync(other, Tracks.Municipal, 2015);

        var sheet = await SheetAsync(2026);

        Assert.Equal(TargetLine.Met, Line(sheet, "national-titles").Status);
        Assert.Equal(TargetLine.Met, Line(sheet, "municipal-titles").Status);
        Assert.Equal((30, TargetLine.Met), (Line(sheet, "municipal-standard").Achieved, Line(sheet, "municipal-standard").Status));
        // Three national titles of 33 units are 9 %, short of the 20 % (7 units) the plan asks for by 2026.
        Assert.Equal((3, TargetLine.Behind), (Line(sheet, "national-standard").Achieved, Line(sheet, "national-standard").Status));
    }

    [Fact]
    public async Task ARevokedTitleNoLongerCounts()
    {
        var title = await _harness.InScopeAsync<TitleRegister, TitleView>(r => r.RecordAsync(
            new RecordTitle(_codes["黄水镇"], Tracks.National, 2015, "x"), TestActors.CountyAdmin, null, CancellationToken.None));
        await _harness.InScopeAsync<TitleRegister, TitleView>(r =>
            r.RevokeAsync(title.Id!.Value, new RevokeTitle("复审未通过"), TestActors.CountyAdmin, null, CancellationToken.None));

        Assert.Equal(0, Line(await SheetAsync(2026), "national-standard").Achieved);
    }

    [Fact]
    public async Task TheTargetsNumbersComeFromTheSeededTargetsNotFromCode()
    {
        await using (var db = _harness.NewDbContext())
        {
            (await db.PlanTargets.FindAsync("national-titles"))!.Value = 4;
            await db.SaveChangesAsync();
        }

        Assert.Equal(4, Line(await SheetAsync(2026), "national-titles").Required);
    }

    [Fact]
    public async Task OnlyCountyWideRolesAndCountyFinanceReadTheSheet()
    {
        var error = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.InScopeAsync<TargetSheet, TargetSheetView>(s => s.ReadAsync(TestActors.ShijiaStaff, 2026, CancellationToken.None)));
        Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);

        var sheet = await _harness.InScopeAsync<TargetSheet, TargetSheetView>(s => s.ReadAsync(TestActors.CountyLeader, null, CancellationToken.None));
        Assert.Equal(2026, sheet.Year);
    }
}

[Trait("Category", "Unit")]
public sealed class TargetSheetTestsOnSqlite() : TargetSheetTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TargetSheetTestsOnPostgres() : TargetSheetTests(EngineDatabase.Postgres);
