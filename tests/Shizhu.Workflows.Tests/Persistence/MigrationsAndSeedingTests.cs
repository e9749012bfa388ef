using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Persistence;

public abstract class MigrationsAndSeedingTests(EngineDatabase database)
{
    [Fact]
    public async Task TheMigrationsBuildTheWholeModelWithNothingLeftPending()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await using var db = harness.NewDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task SeedingLoadsTheCountysTownshipsDepartmentsCalendarPlanAndPublishedTemplates()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await using var db = harness.NewDbContext();

        Assert.Equal(33, await db.Townships.CountAsync());
        Assert.Equal("石家乡", (await db.Townships.SingleAsync(t => t.Code == TownshipCodes.Shijia)).Name);
        Assert.Equal(ReferenceDataSeeder.CountyDepartments.Count, await db.Departments.CountAsync());
        Assert.Equal(ReferenceDataSeeder.Plan.Count, await db.PlanEntries.CountAsync());
        Assert.Equal(StatutoryDayKind.MakeupWorkday, (await db.StatutoryDays.SingleAsync(d => d.Date == new DateOnly(2023, 1, 28))).Kind);
        Assert.Equal(StatutoryDayKind.Holiday, (await db.StatutoryDays.SingleAsync(d => d.Date == new DateOnly(2023, 1, 23))).Kind);
        var templates = await db.Templates.OrderBy(t => t.Key).ToListAsync();
        Assert.Equal(["municipal", "national"], templates.Select(t => t.Key));
        Assert.All(templates, t =>
        {
            Assert.Equal(1, t.Version);
            Assert.Equal(TemplateStatus.Published, t.Status);
            Assert.Equal(t.Key, TemplateCatalog.Parse(t.Definition).Track);
        });
    }

    [Fact]
    public async Task SeedingAgainAddsNothingAndKeepsAnAdministratorsEdits()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await using (var db = harness.NewDbContext())
        {
            var township = await db.Townships.SingleAsync(t => t.Code == TownshipCodes.Shijia);
            township.Name = "石家乡（改）";
            await db.SaveChangesAsync();
        }

        await harness.InScopeAsync<ReferenceDataSeeder, bool>(async s => { await s.SeedAsync(CancellationToken.None); return true; });

        await using var check = harness.NewDbContext();
        Assert.Equal(33, await check.Townships.CountAsync());
        Assert.Equal(2, await check.Templates.CountAsync());
        Assert.Equal("石家乡（改）", (await check.Townships.SingleAsync(t => t.Code == TownshipCodes.Shijia)).Name);
    }
}

[Trait("Category", "Unit")]
public sealed class MigrationsAndSeedingTestsOnSqlite() : MigrationsAndSeedingTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class MigrationsAndSeedingTestsOnPostgres() : MigrationsAndSeedingTests(EngineDatabase.Postgres);
